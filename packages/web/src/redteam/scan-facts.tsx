import { Anchor, Button, Code, Group, Progress, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { DetailList } from "../inventory/detail-list";
import { formatDateTime } from "../ui/format";
import { originLabels, reportUrl, severitiesDescending, severityLabels, verdictLabels } from "./redteam-labels";
import type { Scan } from "./redteam-types";
import { BlockedBadge, ScanStatusBadge } from "./severity-badge";

function Hash({ value }: { value: string | null }) {
  return value ? <Code style={{ overflowWrap: "anywhere" }}>{value}</Code> : <Text c="dimmed">Not recorded</Text>;
}

/** What was tested, how, and the hashes that tie the scan to its transcript, summary and report. */
export function ScanFacts({ orgId, scan }: { orgId: string; scan: Scan }) {
  const seconds = scan.durationMs === null ? null : `${(scan.durationMs / 1000).toFixed(1)} s`;
  const bySeverity = severitiesDescending
    .filter((severity) => scan.vulnerableBySeverity[severity] > 0)
    .map((severity) => `${scan.vulnerableBySeverity[severity]} ${severityLabels[severity].toLowerCase()}`)
    .join(", ");
  return (
    <Stack>
      {scan.status === "running" && scan.progress && (
        <Progress.Root size="xl" aria-label="Scan progress">
          <Progress.Section value={scan.progress.total ? (100 * scan.progress.done) / scan.progress.total : 0} animated>
            <Progress.Label>
              {scan.progress.done} of {scan.progress.total || "?"} cases
            </Progress.Label>
          </Progress.Section>
        </Progress.Root>
      )}
      <DetailList
        caption="About this scan"
        items={[
          { label: "Status", value: <ScanStatusBadge status={scan.status} /> },
          {
            label: "AI system",
            value: (
              <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${scan.system.id}`}>
                {scan.system.name}
              </Anchor>
            ),
          },
          { label: "Origin", value: originLabels[scan.origin] },
          {
            label: "Target",
            value: `${scan.target.kind} ${scan.target.endpoint}${scan.target.model ? ` (model ${scan.target.model})` : ""}`,
          },
          { label: "Probe pack", value: scan.pack ? `${scan.pack.id} ${scan.pack.version}` : "" },
          { label: "Seed", value: String(scan.seed) },
          {
            label: "Ran",
            value: `${formatDateTime(scan.startedAt)}${scan.finishedAt ? ` to ${formatDateTime(scan.finishedAt)}` : ""}${seconds ? ` (${seconds})` : ""}`,
          },
          {
            label: "Vulnerable",
            value: `${scan.totals.vulnerable} of ${scan.totals.cases} cases${bySeverity ? `: ${bySeverity}` : ""}`,
          },
          {
            label: verdictLabels.blocked,
            value: scan.totals.blocked > 0 ? <BlockedBadge count={scan.totals.blocked} /> : "None",
          },
          { label: "Problems", value: scan.problems.join("\n") },
          {
            label: "Evidence",
            value: scan.evidence ? (
              <Anchor component={Link} to={`/o/${orgId}/evidence/${scan.evidence.id}`}>
                {scan.evidence.ref}
              </Anchor>
            ) : (
              ""
            ),
          },
          { label: "Configuration SHA-256", value: <Hash value={scan.configSha256} /> },
          { label: "Summary SHA-256", value: <Hash value={scan.summarySha256} /> },
          { label: "Transcript SHA-256", value: <Hash value={scan.transcriptSha256} /> },
          { label: "Report SHA-256", value: <Hash value={scan.report?.sha256 ?? null} /> },
        ]}
      />
      {scan.report && (
        <Group>
          <Button component="a" href={reportUrl(orgId, scan.id)} download variant="default">
            Download the HTML report
          </Button>
        </Group>
      )}
    </Stack>
  );
}
