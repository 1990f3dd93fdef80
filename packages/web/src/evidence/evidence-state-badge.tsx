import { Badge } from "@mantine/core";
import type { EvidenceValidityState } from "@openaims/contracts";

const looks: Record<EvidenceValidityState, { color: string; label: string }> = {
  current: { color: "green", label: "Current" },
  expiring: { color: "yellow", label: "Expiring soon" },
  expired: { color: "red", label: "Expired" },
};

/** Whether a piece of evidence is still valid, in words as well as colour. */
export function EvidenceStateBadge({ state }: { state: EvidenceValidityState }) {
  const look = looks[state];
  return (
    <Badge variant="light" color={look.color}>
      {look.label}
    </Badge>
  );
}
