import { Badge } from "@mantine/core";
import type { DocumentStatus, DocumentVersionStatus } from "@openaims/contracts";
import { statusColors, statusLabels } from "./document-labels";

/** The status of a document or a version, in words and colour. */
export function StatusBadge({ status }: { status: DocumentStatus | DocumentVersionStatus }) {
  return (
    <Badge variant="light" color={statusColors[status]}>
      {statusLabels[status]}
    </Badge>
  );
}
