import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { RatingBadge } from "./rating-badge";
import type { RiskItem } from "./risk-types";

/** The register: one row per risk, linking to its detail page. */
export function RisksTable({ risks, orgId }: { risks: RiskItem[]; orgId: string }) {
  if (risks.length === 0) return <Text>No risks match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ref</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Inherent</Table.Th>
            <Table.Th scope="col">Residual</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((risk) => (
            <Table.Tr key={risk.id}>
              <Table.Td>{risk.ref}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/risks/${risk.id}`}>
                  {risk.title}
                </Anchor>
                {risk.needsTreatment && (
                  <StatusBadge tone="attention" ml="xs">
                    Needs treatment
                  </StatusBadge>
                )}
                {risk.needsReview && (
                  <StatusBadge tone="review" ml="xs">
                    Needs review
                  </StatusBadge>
                )}
              </Table.Td>
              <Table.Td>{risk.system?.name ?? "Organisation-wide"}</Table.Td>
              <Table.Td>
                <RatingBadge rating={risk.inherentRating} />
              </Table.Td>
              <Table.Td>{risk.residualRating ? <RatingBadge rating={risk.residualRating} /> : "—"}</Table.Td>
              <Table.Td>
                {risk.archivedAt ? (
                  <StatusBadge of="recordStatus" value="archived" />
                ) : (
                  <StatusBadge of="riskStatus" value={risk.status} />
                )}
                {risk.acceptanceExpired && (
                  <StatusBadge tone="danger" ml="xs">
                    Acceptance expired
                  </StatusBadge>
                )}
              </Table.Td>
              <Table.Td>{risk.owner?.name ?? "—"}</Table.Td>
              <Table.Td>{formatDate(risk.reviewDate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
