import type { EvidenceValidityState } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";

/** Whether a piece of evidence is still valid, in words as well as colour. */
export function EvidenceStateBadge({ state }: { state: EvidenceValidityState }) {
  return <StatusBadge of="evidenceValidityState" value={state} />;
}
