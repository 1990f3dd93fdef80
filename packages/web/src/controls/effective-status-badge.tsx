import type { EffectiveStatus } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";

/** A control's effective status: implementation as backed (or not) by current evidence. */
export function EffectiveStatusBadge({ status }: { status: EffectiveStatus }) {
  return <StatusBadge of="effectiveStatus" value={status} />;
}
