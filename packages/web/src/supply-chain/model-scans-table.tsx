import { Anchor, Table, Text } from "@mantine/core";
import { enumLabels } from "@openaims/contracts";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { SignatureBadge, VerdictBadge } from "./model-scan-badges";
import { type ModelScanItem, modelScanPath } from "./model-scan-labels";
import { SeverityCounts } from "./severity-counts";

interface Props {
  orgId: string;
  scans: ModelScanItem[];
  /** Hide the asset column on an asset's own page. */
  showAsset?: boolean;
}

/** Scan history: each reference opens the scan. */
export function ModelScansTable({ orgId, scans, showAsset = true }: Props) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Scan</Table.Th>
            {showAsset && <Table.Th scope="col">Asset</Table.Th>}
            <Table.Th scope="col">AI system</Table.Th>
            <Table.Th scope="col">Verdict</Table.Th>
            <Table.Th scope="col">Findings</Table.Th>
            <Table.Th scope="col">Files</Table.Th>
            <Table.Th scope="col">Signature</Table.Th>
            <Table.Th scope="col">Recorded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scans.map((scan) => (
            <Table.Tr key={scan.id}>
              <Table.Td>
                <Anchor component={Link} to={modelScanPath(orgId, scan.id)}>
                  {scan.ref}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {enumLabels.modelScanOrigin[scan.origin]}
                </Text>
              </Table.Td>
              {showAsset && <Table.Td>{scan.asset?.name ?? "—"}</Table.Td>}
              <Table.Td>{scan.system?.name ?? "—"}</Table.Td>
              <Table.Td>
                <VerdictBadge verdict={scan.verdict} />
              </Table.Td>
              <Table.Td>
                <SeverityCounts counts={scan.bySeverity} />
              </Table.Td>
              <Table.Td>
                {scan.filesScanned}
                {scan.filesFailed > 0 ? ` (${scan.filesFailed} unreadable)` : ""}
              </Table.Td>
              <Table.Td>
                <SignatureBadge status={scan.signatureStatus} />
              </Table.Td>
              <Table.Td>{formatDateTime(scan.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
