import { Card, Stack, Title } from "@mantine/core";
import { type Control, routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { StatusBadge } from "../ui/status-badge";
import { LinkPicker } from "./link-picker";
import { LinkedRecordsTable } from "./linked-records-table";
import { useControlSaved } from "./use-control";
import { useRiskOptions } from "./use-risk-options";

/** The risks a control treats, with link and unlink for people who may edit. */
export function ControlRisksSection({
  orgId,
  control,
  canWrite,
}: {
  orgId: string;
  control: Control;
  canWrite: boolean;
}) {
  const saved = useControlSaved(orgId);
  const [search, setSearch] = useState("");
  const [riskId, setRiskId] = useState<string | null>(null);
  const risks = useRiskOptions(
    orgId,
    search,
    control.risks.map((r) => r.id),
  );
  const link = useMutation({
    mutationFn: (id: string) =>
      callApi(routes.linkControlRisk, { params: { orgId, controlId: control.id }, body: { riskId: id } }),
    onSuccess: async (next) => {
      setRiskId(null);
      setSearch("");
      await saved(next);
    },
    meta: { inlineError: true },
  });
  const unlink = useMutation({
    mutationFn: (id: string) =>
      callApi(routes.unlinkControlRisk, { params: { orgId, controlId: control.id, riskId: id } }),
    onSuccess: saved,
    meta: { inlineError: true },
  });

  return (
    <Card withBorder component="section" aria-labelledby="control-risks-heading">
      <Title order={2} size="h3" id="control-risks-heading" mb="sm">
        Risks treated
      </Title>
      <Stack>
        {(link.error || unlink.error) && (
          <ErrorAlert error={link.error ?? unlink.error} title="Could not change the link" />
        )}
        <LinkedRecordsTable
          rows={control.risks.map((risk) => ({
            ...risk,
            href: `/o/${orgId}/risks/${risk.id}`,
            status: <StatusBadge of="riskStatus" value={risk.status} />,
          }))}
          refLabel="Risk"
          statusLabel="Status"
          emptyText="This control is not linked to any risk."
          canWrite={canWrite}
          unlink={unlink}
        />
        {canWrite && (
          <LinkPicker
            label="Link a risk"
            placeholder="Search risks by ref or title"
            nothingFoundMessage="No matching risks"
            buttonLabel="Link risk"
            options={risks.options}
            search={search}
            onSearchChange={setSearch}
            value={riskId}
            onChange={setRiskId}
            pending={link.isPending}
            onLink={(id) => link.mutate(id)}
          />
        )}
      </Stack>
    </Card>
  );
}
