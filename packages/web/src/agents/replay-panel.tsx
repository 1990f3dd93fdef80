import {
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { enumLabels, type PolicyTestResult, routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";

type Source = "trace" | "redteam" | "log";

/**
 * Replays a pasted trace, a red-team transcript (a file, or a scan this server ran of the agent) or
 * the agent's recent decisions against this version and the approved one.
 */
export function ReplayPanel({
  orgId,
  policyId,
  versionId,
  systemId,
}: {
  orgId: string;
  policyId: string;
  versionId: string;
  /** The agent the policy is for; null for the organisation default. */
  systemId: string | null;
}) {
  const isAgent = systemId !== null;
  const [source, setSource] = useState<Source>(isAgent ? "log" : "trace");
  const [trace, setTrace] = useState("");
  const [scanId, setScanId] = useState<string | null>(null);
  const [limit, setLimit] = useState<number>(200);
  // Scans the server ran keep their transcript; uploaded ones bring only its hash.
  const scans = useQuery({
    queryKey: ["redteam", orgId, "scans", { system: systemId, limit: 50 }],
    queryFn: () =>
      callApi(routes.listRedteamScans, {
        params: { orgId },
        query: { system: systemId ?? undefined, limit: 50 },
      }),
    enabled: isAgent && source === "redteam",
  });
  const replayable = (scans.data?.items ?? []).filter((scan) => scan.origin === "web" && scan.transcriptSha256);
  const test = useMutation({
    mutationFn: () =>
      callApi(routes.testAgentPolicyVersion, {
        params: { orgId, policyId, versionId },
        body:
          source === "trace"
            ? { trace }
            : source === "redteam"
              ? scanId
                ? { redteamScanId: scanId }
                : { redteamTranscript: trace }
              : { fromDecisionLog: { limit } },
      }),
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          Test by replay
        </Title>
        <Text size="sm" c="dimmed">
          Decide recorded steps with this version and with the approved one, and see which decisions would change.
        </Text>
        <SegmentedControl
          w="fit-content"
          value={source}
          onChange={(value) => setSource(value as Source)}
          data={[
            ...(isAgent ? [{ value: "log", label: "Last decisions" }] : []),
            { value: "trace", label: "Paste a trace" },
            { value: "redteam", label: "Red-team transcript" },
          ]}
        />
        {source === "redteam" ? (
          <Stack gap="xs">
            {replayable.length > 0 && (
              <Select
                label="A scan run here"
                description="Scans of this agent run from this server keep their transcript"
                placeholder="Choose a scan, or give a transcript file below"
                data={replayable.map((scan) => ({
                  value: scan.id,
                  label: `${scan.ref} · ${formatDateTime(scan.finishedAt ?? scan.startedAt)} · ${scan.totals.vulnerable} vulnerable`,
                }))}
                value={scanId}
                onChange={(value) => {
                  setScanId(value);
                  if (value) setTrace("");
                }}
                clearable
                maw={420}
              />
            )}
            <FileInput
              label="Transcript file"
              description="The transcript.jsonl an aims redteam scan wrote; each test case is replayed as one session"
              accept=".jsonl,application/jsonl,application/x-ndjson,text/plain"
              onChange={(file) => {
                if (file) {
                  setScanId(null);
                  void file.text().then(setTrace);
                }
              }}
              maw={420}
            />
            <Textarea
              label="Or paste the transcript"
              value={trace}
              onChange={(event) => {
                setScanId(null);
                setTrace(event.currentTarget.value);
              }}
              autosize
              minRows={3}
              maxRows={12}
              spellCheck={false}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
            />
          </Stack>
        ) : source === "trace" ? (
          <Textarea
            label="Trace (JSON Lines)"
            description='One step a line: {"session":"s1","name":"issue_refund","arguments":{"amount":50}}; add "untrusted": true for content the agent read'
            value={trace}
            onChange={(event) => setTrace(event.currentTarget.value)}
            autosize
            minRows={4}
            spellCheck={false}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
        ) : (
          <NumberInput
            label="How many of the agent's last decisions"
            min={1}
            max={10000}
            value={limit}
            onChange={(value) => setLimit(typeof value === "number" ? value : 200)}
            maw={240}
          />
        )}
        <Group>
          <Button onClick={() => test.mutate()} loading={test.isPending}>
            Replay
          </Button>
        </Group>
        {test.error && <ErrorAlert error={test.error} />}
        {test.data && <ReplayResult result={test.data} />}
      </Stack>
    </Card>
  );
}

function ReplayResult({ result }: { result: PolicyTestResult }) {
  const shown = result.items.slice(0, 500);
  return (
    <Stack gap="xs">
      <Text>
        {result.steps} steps replayed, {result.changed} would change
        {result.baselineVersionId
          ? " compared with the approved version"
          : " (no approved version: compared with the recorded outcomes)"}
        . This version would allow {result.outcomes.allow ?? 0}, deny {result.outcomes.deny ?? 0} and ask approval for{" "}
        {result.outcomes.approval_required ?? 0}.
      </Text>
      {shown.length > 0 && (
        <Table striped verticalSpacing="xs" aria-label="Replayed decisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Step</Table.Th>
              <Table.Th scope="col">Call</Table.Th>
              <Table.Th scope="col">Before</Table.Th>
              <Table.Th scope="col">After</Table.Th>
              <Table.Th scope="col">Rule</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => (
              <Table.Tr key={item.index} fw={item.changed ? 600 : undefined}>
                <Table.Td>{item.index + 1}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" style={{ overflowWrap: "anywhere" }}>
                    {item.name}({JSON.stringify(item.arguments).slice(0, 120)})
                  </Text>
                </Table.Td>
                <Table.Td>{item.before ? enumLabels.decisionOutcome[item.before.outcome] : "—"}</Table.Td>
                <Table.Td>{enumLabels.decisionOutcome[item.after.outcome]}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm" style={{ overflowWrap: "anywhere" }}>
                    {item.after.rule}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.after.reason}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
