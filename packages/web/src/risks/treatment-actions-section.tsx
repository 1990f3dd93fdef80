import { Card, Stack, Table, Text, Title } from "@mantine/core";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { ActionStatusSelect } from "./action-status-select";
import { AddActionForm } from "./add-action-form";
import { actionStatusLabels } from "./risk-labels";
import type { RiskDetail } from "./risk-types";

/** The actions that carry out the chosen treatment. */
export function TreatmentActionsSection({
  orgId,
  risk,
  canWrite,
}: {
  orgId: string;
  risk: RiskDetail;
  canWrite: boolean;
}) {
  const editable = canWrite && !risk.archivedAt;
  return (
    <Card withBorder component="section" aria-labelledby="treatment-actions-heading">
      <Title order={2} size="h3" id="treatment-actions-heading" mb="sm">
        Treatment actions
      </Title>
      <Stack>
        {risk.actions.length === 0 ? (
          <Text>No treatment actions yet.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risk.actions.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.title}</Table.Td>
                  <Table.Td>{action.owner?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    {formatDate(action.dueDate)}
                    {action.overdue && (
                      <StatusBadge tone="danger" ml="xs">
                        Overdue
                      </StatusBadge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <ActionStatusSelect orgId={orgId} action={action} />
                    ) : (
                      actionStatusLabels[action.status]
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && <AddActionForm orgId={orgId} riskId={risk.id} />}
      </Stack>
    </Card>
  );
}
