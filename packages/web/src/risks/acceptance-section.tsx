import { Card, Stack, Table, Text, Title } from "@mantine/core";
import type { Role } from "@openaims/contracts";
import { formatDate, formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { AcceptRiskForm } from "./accept-risk-form";
import { RatingBadge } from "./rating-badge";
import type { RiskDetail, RiskMethodData } from "./risk-types";

interface Props {
  orgId: string;
  risk: RiskDetail;
  method: RiskMethodData;
  role: Role;
  canWrite: boolean;
}

/** Acceptance sign-offs, newest first, and the form to sign one. */
export function AcceptanceSection({ orgId, risk, method, role, canWrite }: Props) {
  const canAccept = canWrite && !risk.archivedAt && risk.status !== "closed" && risk.currentRating !== null;
  return (
    <Card withBorder component="section" aria-labelledby="acceptance-heading">
      <Title order={2} size="h3" id="acceptance-heading" mb="sm">
        Acceptance
      </Title>
      <Stack>
        {risk.acceptances.length === 0 ? (
          <Text>This risk has not been accepted.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Rating accepted</Table.Th>
                <Table.Th scope="col">Approver</Table.Th>
                <Table.Th scope="col">Signed</Table.Th>
                <Table.Th scope="col">Until</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Rationale</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {risk.acceptances.map((acceptance) => (
                <Table.Tr key={acceptance.id}>
                  <Table.Td>
                    <RatingBadge rating={acceptance.rating} />
                  </Table.Td>
                  <Table.Td>{acceptance.approver.name}</Table.Td>
                  <Table.Td>{formatDateTime(acceptance.acceptedAt)}</Table.Td>
                  <Table.Td>{formatDate(acceptance.expiresOn)}</Table.Td>
                  <Table.Td>
                    <StatusBadge of="riskAcceptanceState" value={acceptance.state} />
                  </Table.Td>
                  <Table.Td>{acceptance.rationale}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canAccept && <AcceptRiskForm orgId={orgId} risk={risk} method={method} role={role} />}
      </Stack>
    </Card>
  );
}
