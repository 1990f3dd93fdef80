import { Badge } from "@mantine/core";
import type { RedteamScanStatus, RedteamSeverity } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import { severityColors, severityLabels, verdictLabels } from "./redteam-labels";

/** A severity as a coloured badge; the word is always shown, so colour is never the only cue. */
export function SeverityBadge({ severity }: { severity: RedteamSeverity }) {
  return (
    <Badge variant="filled" color={severityColors[severity]} autoContrast style={{ flexShrink: 0 }}>
      {severityLabels[severity]}
    </Badge>
  );
}

/** "3 blocked by policy": harmful actions a policy (gateway or guard) stopped; nothing when there were none. */
export function BlockedBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
      {count} {verdictLabels.blocked.toLowerCase()}
    </Badge>
  );
}

export function ScanStatusBadge({ status }: { status: RedteamScanStatus }) {
  return <StatusBadge of="redteamScanStatus" value={status} />;
}
