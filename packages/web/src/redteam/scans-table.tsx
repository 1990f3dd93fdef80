import { Anchor, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "../ui/format";
import { originLabels, severitiesDescending } from "./redteam-labels";
import type { ScanListItem } from "./redteam-types";
import { BlockedBadge, ScanStatusBadge, SeverityBadge } from "./severity-badge";

/** "2 Critical, 1 High", or "None" — vulnerable cases by severity as words. */
function VulnerableBySeverity({ counts }: { counts: ScanListItem["vulnerableBySeverity"] }) {
  const present = severitiesDescending.filter((severity) => counts[severity] > 0);
  if (present.length === 0) return <Text size="sm">None</Text>;
  return (
    <Group gap={4}>
      {present.map((severity) => (
        <Group key={severity} gap={2} wrap="nowrap">
          <Text size="sm">{counts[severity]}</Text>
          <SeverityBadge severity={severity} />
        </Group>
      ))}
    </Group>
  );
}

interface Props {
  orgId: string;
  scans: ScanListItem[];
  /** Hide the system column on a system's own page. */
  showSystem?: boolean;
}

/** Scan history: each reference opens the scan. */
export function ScansTable({ orgId, scans, showSystem = true }: Props) {
  if (scans.length === 0) return <Text>No scans yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Scan</Table.Th>
            {showSystem && <Table.Th scope="col">AI system</Table.Th>}
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Origin</Table.Th>
            <Table.Th scope="col">Probe pack</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Cases</Table.Th>
            <Table.Th scope="col">Vulnerable by severity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scans.map((scan) => (
            <Table.Tr key={scan.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/security-tests/scans/${scan.id}`}>
                  {scan.ref}
                </Anchor>
              </Table.Td>
              {showSystem && <Table.Td>{scan.system.name}</Table.Td>}
              <Table.Td>{formatDateTime(scan.startedAt)}</Table.Td>
              <Table.Td>{originLabels[scan.origin]}</Table.Td>
              <Table.Td>{scan.pack ? `${scan.pack.id} ${scan.pack.version}` : "—"}</Table.Td>
              <Table.Td>
                <ScanStatusBadge status={scan.status} />
              </Table.Td>
              <Table.Td>
                {scan.status === "running" && scan.progress
                  ? `${scan.progress.done} of ${scan.progress.total || "?"}`
                  : `${scan.totals.vulnerable} vulnerable of ${scan.totals.cases}`}{" "}
                <BlockedBadge count={scan.totals.blocked} />
              </Table.Td>
              <Table.Td>
                <VulnerableBySeverity counts={scan.vulnerableBySeverity} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
