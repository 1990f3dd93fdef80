import type { ModelScanVerdict, SignatureStatus } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import { signatureTones, verdictTones } from "./model-scan-labels";

/** The scan's verdict in a word and a colour; the word always shows. */
export function VerdictBadge({ verdict }: { verdict: ModelScanVerdict }) {
  return <StatusBadge of="modelScanVerdict" value={verdict} tone={verdictTones[verdict]} />;
}

export function SignatureBadge({ status }: { status: SignatureStatus }) {
  return <StatusBadge of="signatureStatus" value={status} tone={signatureTones[status]} />;
}
