import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { roleAllows, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useCurrentMembership } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { EffectiveStatusBadge } from "./effective-status-badge";
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
        ) : items.length === 0 ? (
          <Text>No control treats this risk yet.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Control</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Effective status</Table.Th>
                {canWrite && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((control) => (
                <Table.Tr key={control.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${orgId}/controls/${control.id}`}>
                      {control.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{control.title}</Table.Td>
                  <Table.Td>
                    <EffectiveStatusBadge status={control.effectiveStatus} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Unlink ${control.ref}`}
                        loading={unlink.isPending && unlink.variables === control.id}
                        onClick={() => unlink.mutate(control.id)}
                      >
                        Unlink
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canWrite && (
          <Group align="flex-end">
            <Select
              label="Link a control"
              placeholder="Search controls by id or title"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={options.options}
              value={controlId}
              onChange={setControlId}
              nothingFoundMessage="No matching controls"
              w={420}
            />
            <Button disabled={!controlId} loading={link.isPending} onClick={() => controlId && link.mutate(controlId)}>
              Link control
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
