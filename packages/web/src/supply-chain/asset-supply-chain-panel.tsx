import { Anchor, Badge, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { type LicenceFinding, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { buildUrl, callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { SignatureBadge, VerdictBadge } from "./model-scan-badges";
import { modelScanPath, modelScansPath } from "./model-scan-labels";
import { ScanModelFileForm } from "./scan-model-file-form";
import { SeverityCounts } from "./severity-counts";

interface Props {
  orgId: string;
  /** Whether the viewer may upload a file to scan. */
  canWrite?: boolean;
  asset: { id: string; name: string; kind: string; systems: { id: string; name: string; slug: string }[] };
}

const licenceVerdictWords: Record<LicenceFinding["verdict"], { label: string; color: string }> = {
  allowed: { label: "Allowed by policy", color: "green" },
  review: { label: "Needs review", color: "orange" },
  forbidden: { label: "Forbidden by policy", color: "red" },
};

function LatestScan({ orgId, asset }: Props) {
  const scans = useQuery({
    queryKey: ["model-scans", orgId, "asset", asset.id],
    queryFn: () => callApi(routes.listModelScans, { params: { orgId }, query: { asset: asset.id, limit: 1 } }),
  });
  if (scans.isPending) return <Text size="sm">Loading the latest scan…</Text>;
  if (scans.error) return <ErrorAlert error={scans.error} title="Could not load the scans" />;
  const latest = scans.data.items[0];
  if (!latest) {
    return (
      <Stack gap={4}>
        <Text size="sm">Never scanned. Scan its files where they are and upload the result:</Text>
        <Code block>{`aims model scan PATH --upload --asset "${asset.name}"`}</Code>
      </Stack>
    );
  }
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Anchor component={Link} to={modelScanPath(orgId, latest.id)} fw={500}>
          {latest.ref}
        </Anchor>
        <VerdictBadge verdict={latest.verdict} />
        <Text size="sm" c="dimmed">
          {formatDateTime(latest.createdAt)}
        </Text>
      </Group>
      <Group gap="xs">
        <Text size="sm">Findings:</Text>
        <SeverityCounts counts={latest.bySeverity} />
        {latest.openFindings > 0 && (
          <Text size="sm" c="dimmed">
            ({latest.openFindings} open)
          </Text>
        )}
      </Group>
      <Group gap="xs">
        <Text size="sm">Signature:</Text>
        <SignatureBadge status={latest.signatureStatus} />
      </Group>
      <Group gap="md">
        {latest.evidence && (
          <Anchor component={Link} to={`/o/${orgId}/evidence/${latest.evidence.id}`} size="sm">
            Evidence {latest.evidence.ref}
          </Anchor>
        )}
        <Anchor component={Link} to={`${modelScansPath(orgId)}?asset=${asset.id}`} size="sm">
          All scans of this asset
        </Anchor>
      </Group>
    </Stack>
  );
}

function Licence({ orgId, asset }: Props) {
  const finding = useQuery({
    queryKey: ["licences", orgId, "asset", asset.id],
    queryFn: () => callApi(routes.getAssetLicenceFinding, { params: { orgId, assetId: asset.id } }),
  });
  if (finding.isPending) return <Text size="sm">Loading the licence…</Text>;
  if (finding.error) return <ErrorAlert error={finding.error} title="Could not judge the licence" />;
  const verdict = licenceVerdictWords[finding.data.verdict];
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {finding.data.expression ? <Code>{finding.data.expression}</Code> : <Text size="sm">No licence recorded</Text>}
        <Badge variant="light" color={verdict.color}>
          {verdict.label}
        </Badge>
      </Group>
      {(finding.data.expression ? finding.data.reasons.slice(0, 3) : []).map((reason) => (
        <Text key={reason} size="sm">
          {reason}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The asset's place in the supply chain: its latest model scan (verdict, counts, signature, evidence),
 * its licence and what the organisation's policy says of it, and the AI-BOMs it appears in.
 */
export function AssetSupplyChainPanel({ orgId, asset, canWrite = false }: Props) {
  return (
    <Card withBorder component="section" aria-labelledby="asset-supply-chain-heading">
      <Title order={2} size="h4" id="asset-supply-chain-heading" mb="sm">
        Supply chain
      </Title>
      <Stack gap="md">
        <div>
          <Title order={3} size="h6" mb={4}>
            Latest model scan
          </Title>
          <LatestScan orgId={orgId} asset={asset} />
        </div>
        {canWrite && asset.kind === "model" && <ScanModelFileForm orgId={orgId} asset={asset} />}
        <div>
          <Title order={3} size="h6" mb={4}>
            Licence
          </Title>
          <Licence orgId={orgId} asset={asset} />
        </div>
        <div>
          <Title order={3} size="h6" mb={4}>
            AI bill of materials
          </Title>
          {asset.systems.length === 0 ? (
            <Stack gap={4}>
              <Text size="sm">Not used by any AI system yet, so it is only in the inventory's AI-BOM.</Text>
              <Anchor href={buildUrl(routes.exportAibom.path, { orgId }, { as: "json" })} download size="sm">
                Download the inventory's AI-BOM (CycloneDX 1.6)
              </Anchor>
            </Stack>
          ) : (
            <Stack gap={4}>
              {asset.systems.map((system) => (
                <Group key={system.id} gap="xs">
                  <Text size="sm">
                    A component of the AI-BOM of{" "}
                    <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${system.id}`}>
                      {system.name}
                    </Anchor>
                  </Text>
                  <Anchor
                    href={buildUrl(routes.exportAibom.path, { orgId }, { system: system.id, as: "json" })}
                    download
                    size="sm"
                    aria-label={`Download the AI-BOM of ${system.name}`}
                  >
                    Download (CycloneDX 1.6)
                  </Anchor>
                </Group>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
