import { Badge } from "@mantine/core";
import type { RedteamScanStatus, RedteamSeverity } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import { severityColors, severityLabels } from "./redteam-labels";

/** A severity as a coloured badge; the word is always shown, so colour is never the only cue. */
export function SeverityBadge({ severity }: { severity: RedteamSeverity }) {
  return (
    <Badge variant="filled" color={severityColors[severity]} autoContrast style={{ flexShrink: 0 }}>
      {severityLabels[severity]}
    </Badge>
  );
}

export function ScanStatusBadge({ status }: { status: RedteamScanStatus }) {
  return <StatusBadge of="redteamScanStatus" value={status} />;
}
