import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ReasonModal } from "../ui/reason-modal";
import type { DocumentDetail } from "./document-types";
import { useDocumentInvalidation } from "./use-document-invalidation";

/** Archives a document with a reason; it and its versions stay readable. */
export function ArchiveDocumentModal({
  doc,
  opened,
  onClose,
}: {
  doc: DocumentDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { orgId } = useOrg();
  const invalidate = useDocumentInvalidation();
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveDocument, {
        params: { orgId, documentId: doc.id },
        body: { reason, version: doc.version },
      }),
    onSuccess: async () => {
      notifications.show({ color: "blue", message: `${doc.ref} was archived.` });
      onClose();
      await invalidate();
    },
    meta: { inlineError: true },
  });
  return (
    <ReasonModal
      opened={opened}
      title={`Archive ${doc.ref}`}
      description="The document leaves the lists and can no longer change. It and every version are kept."
      label="Reason"
      confirmLabel="Archive document"
      errorTitle="Not archived"
      mutation={archive}
      onClose={onClose}
    />
  );
}
