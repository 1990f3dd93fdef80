import { Button, Group } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { ArchiveDocumentModal } from "./archive-document-modal";
import type { DocumentDetail } from "./document-types";
import { EditDocumentModal } from "./edit-document-modal";
import { useDocumentInvalidation } from "./use-document-invalidation";

/** Document-level steps: start the next draft from the version in force, edit title and owner, or archive. */
export function DocumentActions({ doc, onStarted }: { doc: DocumentDetail; onStarted: (versionId: string) => void }) {
  const { orgId, can } = useOrg();
  const invalidate = useDocumentInvalidation();
  const [archiving, setArchiving] = useState(false);
  const [editing, setEditing] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      callApi(routes.startDocumentDraft, { params: { orgId, documentId: doc.id }, body: { version: doc.version } }),
    onSuccess: async (version) => {
      notifications.show({ color: "green", message: `Draft version ${version.number} started.` });
      await invalidate();
      onStarted(version.id);
    },
    meta: { inlineError: true },
  });
  if (!can("governance.write") || doc.archivedAt) return null;

  return (
    <>
      <Group>
        {!doc.workingVersion && (
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Start new draft
          </Button>
        )}
        <Button variant="default" onClick={() => setEditing(true)}>
          Edit details
        </Button>
        <Button variant="default" color="red" onClick={() => setArchiving(true)}>
          Archive
        </Button>
      </Group>
      {start.error && <ErrorAlert error={start.error} title="Could not start a draft" />}
      <ArchiveDocumentModal doc={doc} opened={archiving} onClose={() => setArchiving(false)} />
      <EditDocumentModal doc={doc} opened={editing} onClose={() => setEditing(false)} />
    </>
  );
}
