import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { archiveRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import type { Evidence } from "./evidence-types";

interface Props {
  evidence: Evidence;
  opened: boolean;
  onClose: () => void;
}

/** Asks for the reason, then archives the evidence: it stops counting for its links, the record stays. */
export function ArchiveEvidenceModal({ evidence, opened, onClose }: Props) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const archive = useMutation({
    mutationFn: (body: z.output<typeof archiveRequestSchema>) =>
      callApi(routes.archiveEvidence, { params: { orgId, evidenceId: evidence.id }, body }),
    onSuccess: async (archived) => {
      notifications.show({ color: "blue", message: `Evidence ${archived.ref} was archived.` });
      await queryClient.invalidateQueries({ queryKey: ["evidence", orgId] });
      close();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const close = () => {
    setReason("");
    setErrors({});
    archive.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(archiveRequestSchema, { reason, version: evidence.version });
    setErrors(result.errors ?? {});
    if (result.data) archive.mutate(result.data);
  };

  return (
    <Modal opened={opened} onClose={close} title={`Archive ${evidence.ref}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Archived evidence no longer counts for the controls it is linked to. The record, its file and its history
            are kept.
          </Text>
          {archive.error && <ErrorAlert error={archive.error} title="Could not archive" />}
          <Textarea
            label="Reason"
            description="Recorded in the audit trail."
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={archive.isPending}>
              Archive evidence
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
