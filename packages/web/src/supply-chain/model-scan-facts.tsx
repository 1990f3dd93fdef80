import { Anchor, Button, Code, Group, Stack, Text } from "@mantine/core";
import { enumLabels } from "@openaims/contracts";
import { Link } from "react-router";
import { DetailList } from "../inventory/detail-list";
import { formatDateTime } from "../ui/format";
import { SignatureBadge, VerdictBadge } from "./model-scan-badges";
import { type ModelScanDetail, modelScanReportUrl, modelScanSarifUrl } from "./model-scan-labels";
import { SeverityCounts } from "./severity-counts";

function Hash({ value }: { value: string }) {
  return <Code style={{ overflowWrap: "anywhere" }}>{value}</Code>;
}

/** What the signature check said, in words: signer, and the files that no longer match. */
function SignatureFacts({ scan }: { scan: ModelScanDetail }) {
  const signature = scan.signature;
  const changes = signature
    ? [
        ...signature.changed.map((path) => `changed: ${path}`),
        ...signature.added.map((path) => `added: ${path}`),
        ...signature.removed.map((path) => `removed: ${path}`),
      ]
    : [];
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <SignatureBadge status={scan.signatureStatus} />
        {signature?.signer && <Text size="sm">signed by {signature.signer}</Text>}
      </Group>
      {signature?.reason && <Text size="sm">{signature.reason}</Text>}
      {changes.slice(0, 20).map((line) => (
        <Text key={line} size="sm" style={{ overflowWrap: "anywhere" }}>
          {line}
        </Text>
      ))}
      {scan.signatureStatus === "not_checked" && (
        <Text size="sm" c="dimmed">
          Upload with --signature to check the OpenSSF model signature.
        </Text>
      )}
    </Stack>
  );
}

/** What was scanned, the verdict, the signature check and provenance, and the evidence it produced. */
export function ModelScanFacts({ orgId, scan }: { orgId: string; scan: ModelScanDetail }) {
  const provenance = scan.provenance;
  return (
    <Stack>
      <DetailList
        caption="About this scan"
        items={[
          { label: "Verdict", value: <VerdictBadge verdict={scan.verdict} /> },
          { label: "Findings", value: <SeverityCounts counts={scan.bySeverity} /> },
          {
            label: "Asset",
            value: scan.asset ? (
              <Anchor component={Link} to={`/o/${orgId}/inventory/assets/${scan.asset.id}`}>
                {scan.asset.name}
              </Anchor>
            ) : (
              ""
            ),
          },
          {
            label: "AI system",
            value: scan.system ? (
              <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${scan.system.id}`}>
                {scan.system.name}
              </Anchor>
            ) : (
              ""
            ),
          },
          {
            label: "Files",
            value: `${scan.filesScanned} read${scan.filesFailed ? `, ${scan.filesFailed} could not be read` : ""} (${enumLabels.modelScanStatus[scan.status].toLowerCase()})`,
          },
          { label: "Signature", value: <SignatureFacts scan={scan} /> },
          {
            label: "Provenance",
            value: provenance
              ? [
                  provenance.builder && `Builder: ${provenance.builder}`,
                  provenance.source && `Source: ${provenance.source}`,
                  provenance.materials.length ? `${provenance.materials.length} materials` : null,
                ]
                  .filter(Boolean)
                  .join("\n")
              : "",
          },
          { label: "Scanned", value: scan.roots.join("\n") },
          { label: "Origin", value: enumLabels.modelScanOrigin[scan.origin] },
          { label: "Scanner", value: scan.scannerVersion },
          {
            label: "Recorded",
            value: `${formatDateTime(scan.createdAt)}${scan.createdBy ? ` by ${scan.createdBy.name}` : ""}`,
          },
          {
            label: "Evidence",
            value: scan.evidence ? (
              <Anchor component={Link} to={`/o/${orgId}/evidence/${scan.evidence.id}`}>
                {scan.evidence.ref}
              </Anchor>
            ) : (
              "None: no file could be read"
            ),
          },
          { label: "Report SHA-256", value: <Hash value={scan.reportSha256} /> },
        ]}
      />
      <Group>
        <Button component="a" href={modelScanReportUrl(orgId, scan.id)} download variant="default">
          Download the JSON report
        </Button>
        <Button component="a" href={modelScanSarifUrl(orgId, scan.id)} download variant="default">
          Download SARIF
        </Button>
      </Group>
    </Stack>
  );
}
