import { Anchor, Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { labelOf } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { impactPaths } from "./impact-labels";
import type { SystemStatus } from "./impact-types";
import { StartAssessmentButton } from "./start-assessment-button";
import { SystemStateBadge } from "./state-badge";

/** AI systems with their assessment state, the approved revision in force and any revision in progress. */
export function SystemStatusTable({ systems }: { systems: SystemStatus[] }) {
  const { orgId, can } = useOrg();
  const canWrite = can("governance.write");
  if (systems.length === 0) return <Text>No AI systems match these filters.</Text>;

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Impact tier</Table.Th>
            <Table.Th scope="col">State</Table.Th>
            <Table.Th scope="col">Approved</Table.Th>
            <Table.Th scope="col">In progress</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {systems.map(({ system, state, staleReason, approved, open }) => (
            <Table.Tr key={system.id}>
              <Table.Td>
                <Anchor component={Link} to={impactPaths.system(orgId, system.id)}>
                  {system.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{labelOf("impactTier", system.impactTier)}</Table.Td>
              <Table.Td>
                <SystemStateBadge state={state} />
                {staleReason && <Text size="xs">System changed after approval</Text>}
              </Table.Td>
              <Table.Td>
                {approved ? (
                  <Anchor component={Link} to={impactPaths.assessment(orgId, approved.id)}>
                    {approved.ref} · {formatDate(approved.approvedAt)}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>
                {open ? (
                  <Anchor component={Link} to={impactPaths.assessment(orgId, open.id)}>
                    {open.ref} ({open.status === "draft" ? "draft" : "awaiting approval"})
                  </Anchor>
                ) : (
                  "—"
                )}
              </Table.Td>
              <Table.Td>
                {open ? (
                  <Button
                    component={Link}
                    to={impactPaths.assessment(orgId, open.id)}
                    size="xs"
                    variant="default"
                    aria-label={`Open ${open.ref} for ${system.name}`}
                  >
                    Open
                  </Button>
                ) : (
                  canWrite && (
                    <StartAssessmentButton
                      systemId={system.id}
                      systemName={system.name}
                      variant={state === "stale" ? "filled" : "light"}
                      label={approved ? "Reassess" : "Start assessment"}
                    />
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
