import { Card, Stack, Title } from "@mantine/core";
import { roleAllows, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { useCurrentMembership } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { EffectiveStatusBadge } from "./effective-status-badge";
import { LinkPicker } from "./link-picker";
import { LinkedRecordsTable } from "./linked-records-table";
import { useControlOptions } from "./use-control-options";

/** The controls that treat one risk, with link and unlink; embedded in the risk page. */
export function RiskControlsPanel({ orgId, riskId }: { orgId: string; riskId: string }) {
  const membership = useCurrentMembership();
  const canWrite = membership !== null && roleAllows(membership.role, "governance.write");
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [controlId, setControlId] = useState<string | null>(null);
  const linked = useQuery({
    queryKey: ["risk-controls", orgId, riskId],
    queryFn: () => callApi(routes.listRiskControls, { params: { orgId, riskId } }),
  });
  const items = linked.data?.items ?? [];
  const options = useControlOptions(
    orgId,
    search,
    items.map((c) => c.id),
  );
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ["risk-controls", orgId, riskId] });
    await queryClient.invalidateQueries({ queryKey: ["controls", orgId] });
    await queryClient.invalidateQueries({ queryKey: ["soa", orgId] });
  };
  const link = useMutation({
    mutationFn: (id: string) => callApi(routes.linkControlRisk, { params: { orgId, controlId: id }, body: { riskId } }),
    onSuccess: async () => {
      setControlId(null);
      setSearch("");
      await refresh();
    },
    meta: { inlineError: true },
  });
  const unlink = useMutation({
    mutationFn: (id: string) => callApi(routes.unlinkControlRisk, { params: { orgId, controlId: id, riskId } }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });

  return (
    <Card withBorder component="section" aria-labelledby="risk-controls-heading">
      <Title order={2} size="h3" id="risk-controls-heading" mb="sm">
        Treating controls
      </Title>
      <Stack>
        {(linked.error || link.error || unlink.error) && (
          <ErrorAlert error={linked.error ?? link.error ?? unlink.error} title="Controls could not be updated" />
        )}
        {linked.isPending ? (
          <PageLoader />
        ) : (
          <LinkedRecordsTable
            rows={items.map((control) => ({
              ...control,
              href: `/o/${orgId}/controls/${control.id}`,
              status: <EffectiveStatusBadge status={control.effectiveStatus} />,
            }))}
            refLabel="Control"
            statusLabel="Effective status"
            emptyText="No control treats this risk yet."
            canWrite={canWrite}
            unlink={unlink}
          />
        )}
        {canWrite && (
          <LinkPicker
            label="Link a control"
            placeholder="Search controls by id or title"
            nothingFoundMessage="No matching controls"
            buttonLabel="Link control"
            options={options.options}
            search={search}
            onSearchChange={setSearch}
            value={controlId}
            onChange={setControlId}
            pending={link.isPending}
            onLink={(id) => link.mutate(id)}
          />
        )}
      </Stack>
    </Card>
  );
}
