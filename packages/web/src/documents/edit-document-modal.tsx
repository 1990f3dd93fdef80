import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import type { DocumentDetail } from "./document-types";
import { useDocumentInvalidation } from "./use-document-invalidation";
import { useMemberOptions } from "./use-member-options";

/** Renames a document or changes its owner. */
export function EditDocumentModal({
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
  const members = useMemberOptions();
  const [title, setTitle] = useState(doc.title);
  const [owner, setOwner] = useState<string | null>(doc.owner?.id ?? null);
  useEffect(() => {
    if (opened) {
      setTitle(doc.title);
      setOwner(doc.owner?.id ?? null);
    }
  }, [opened, doc]);
  const save = useMutation({
    mutationFn: () =>
      callApi(routes.updateDocument, {
        params: { orgId, documentId: doc.id },
        body: { title, ownerMemberId: owner, version: doc.version },
      }),
    onSuccess: async () => {
      onClose();
      await invalidate();
    },
    meta: { inlineError: true },
  });
  const errors = serverFieldErrors(save.error);
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${doc.ref}`}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} title="Not saved" />}
          <TextInput
            label="Title"
            required
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Select
            label="Owner"
            placeholder="No owner"
            data={members.data ?? []}
            value={owner}
            onChange={setOwner}
            searchable
            clearable
            error={errors.ownerMemberId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save details
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
