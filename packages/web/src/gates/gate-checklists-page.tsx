import { Button, Stack, Table, Text } from "@mantine/core";
import { type GateCheckConfig, type GateChecklist, labelOf, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { ChecklistEditor } from "./checklist-editor";

/** One configured check in words, with its thresholds. */
function describeCheck(check: GateCheckConfig): string {
  const name = labelOf("gateCheckKind", check.kind);
  switch (check.kind) {
    case "risk_review_recent":
      return `${name}: within ${check.maxAgeDays} days`;
    case "impact_assessment_current":
      return name;
    case "high_risks_accepted":
      return `${name}: ${labelOf("riskRating", check.minRating).toLowerCase()} and worse`;
    case "security_test_recent":
      return `${name}: within ${check.maxAgeDays} days, none ${labelOf("redteamSeverity", check.blockingSeverity).toLowerCase()} or worse open`;
    case "sign_offs":
      return `${name}: ${check.roles.map((role) => labelOf("role", role)).join(", ")}`;
  }
}

/** The organisation's gate checklist for every stage and impact tier, defaults marked as such. */
export default function GateChecklistsPage() {
  const { orgId, can } = useOrg();
  const [editing, setEditing] = useState<GateChecklist | null>(null);
  const checklists = useQuery({
    queryKey: ["gates", orgId, "checklists"],
    queryFn: () => callApi(routes.listGateChecklists, { params: { orgId } }),
  });
  return (
    <Stack>
      <PageHeader title="Gate checklists" />
      <Text c="dimmed">
        What a system of each impact tier must show to move into each stage. Until the organisation sets its own, the
        defaults apply. Changing a checklist applies to the next gate check; decisions already recorded keep the
        checklist they used.
      </Text>
      {checklists.error && <ErrorAlert error={checklists.error} title="Could not load the checklists" />}
      {!checklists.data ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Into stage</Table.Th>
                <Table.Th scope="col">Impact tier</Table.Th>
                <Table.Th scope="col">Checks</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
                {can("governance.write") && <Table.Th scope="col">Change</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checklists.data.items.map((item) => (
                <Table.Tr key={`${item.stage}-${item.impactTier}`}>
                  <Table.Td>{labelOf("lifecycleStage", item.stage)}</Table.Td>
                  <Table.Td>{labelOf("impactTier", item.impactTier)}</Table.Td>
                  <Table.Td>
                    {item.checks.length === 0
                      ? "No checks"
                      : item.checks.map((check) => (
                          <Text key={describeCheck(check)} size="sm">
                            {describeCheck(check)}
                          </Text>
                        ))}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge tone={item.configured ? "progress" : "neutral"}>
                      {item.configured ? "Organisation" : "Default"}
                    </StatusBadge>
                  </Table.Td>
                  {can("governance.write") && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(item)}
                        aria-label={`Edit the checklist into ${labelOf("lifecycleStage", item.stage).toLowerCase()} for ${labelOf("impactTier", item.impactTier).toLowerCase()} impact`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ChecklistEditor orgId={orgId} checklist={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
