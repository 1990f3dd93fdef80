import { Anchor, Button, Table, Text } from "@mantine/core";
import { type GateDecision, labelOf, routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { downloadJson } from "./gate-links";

const resultTone = { passed: "success", failed: "danger", overridden: "attention" } as const;

/** Downloads a passed decision's signed release attestation. */
function DownloadAttestation({ orgId, decision }: { orgId: string; decision: GateDecision }) {
  const download = useMutation({
    mutationFn: () => callApi(routes.getGateAttestation, { params: { orgId, decisionId: decision.id } }),
    onSuccess: (envelope) => downloadJson(envelope, `${decision.system.slug}-${decision.ref}.intoto.json`),
  });
  return (
    <Button size="xs" variant="default" loading={download.isPending} onClick={() => download.mutate()}>
      Download attestation
    </Button>
  );
}

interface Props {
  orgId: string;
  decisions: GateDecision[];
  showSystem?: boolean;
}

/** Recorded gate decisions, newest first; each opens its snapshot. */
export function GateDecisionsTable({ orgId, decisions, showSystem = true }: Props) {
  if (decisions.length === 0)
    return <Text>No gate decisions yet. Pass a system's gate from its page, or with aims gate pass.</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Decision</Table.Th>
            {showSystem && <Table.Th scope="col">AI system</Table.Th>}
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
            <Table.Th scope="col">Decided</Table.Th>
            <Table.Th scope="col">Attestation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {decisions.map((decision) => (
            <Table.Tr key={decision.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/gates/decisions/${decision.id}`}>
                  {decision.ref}
                </Anchor>
              </Table.Td>
              {showSystem && (
                <Table.Td>
                  <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${decision.system.id}`}>
                    {decision.system.name}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                {labelOf("lifecycleStage", decision.fromStage)} → {labelOf("lifecycleStage", decision.toStage)}
              </Table.Td>
              <Table.Td>
                <StatusBadge of="gateResult" value={decision.result} tone={resultTone[decision.result]} />
              </Table.Td>
              <Table.Td>
                {formatDateTime(decision.decidedAt)}
                <Text size="xs" c="dimmed">
                  {decision.decidedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                {decision.result === "failed" ? "—" : <DownloadAttestation orgId={orgId} decision={decision} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
