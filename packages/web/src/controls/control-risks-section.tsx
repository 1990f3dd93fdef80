import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { type Control, routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { humanize } from "../ui/format";
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
        {control.risks.length === 0 ? (
          <Text>This control is not linked to any risk.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Risk</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                {canWrite && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {control.risks.map((risk) => (
                <Table.Tr key={risk.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${orgId}/risks/${risk.id}`}>
                      {risk.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{risk.title}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={risk.open ? "orange" : "gray"}>
                      {humanize(risk.status)}
                    </Badge>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Unlink ${risk.ref}`}
                        loading={unlink.isPending && unlink.variables === risk.id}
                        onClick={() => unlink.mutate(risk.id)}
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
              label="Link a risk"
              placeholder="Search risks by ref or title"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              data={risks.options}
              value={riskId}
              onChange={setRiskId}
              nothingFoundMessage="No matching risks"
              w={420}
            />
            <Button disabled={!riskId} loading={link.isPending} onClick={() => riskId && link.mutate(riskId)}>
              Link risk
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
