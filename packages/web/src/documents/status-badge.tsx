import type { DocumentStatus, DocumentVersionStatus } from "@openaims/contracts";
import { StatusBadge as Status } from "../ui/status-badge";

/** The status of a document or a version, in words and colour. */
export function StatusBadge({ status }: { status: DocumentStatus | DocumentVersionStatus }) {
  return <Status of="documentVersionStatus" value={status} />;
}
