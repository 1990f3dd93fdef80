import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { reasonSchema } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";

interface ArchiveRecordModalProps {
  opened: boolean;
  /** e.g. "Archive Support chatbot". */
  title: string;
  /** What archiving means for this record. */
  explanation: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Asks why a record is archived (or a link ended); the record stays, with the reason, in the history. */
export function ArchiveRecordModal(props: ArchiveRecordModalProps) {
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(reasonSchema, reason);
    setFieldError(result.errors ? (result.errors.form ?? "Give a reason of at least 3 characters") : undefined);
    if (result.data) props.onConfirm(result.data);
  };
  const close = () => {
    setReason("");
    setFieldError(undefined);
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.explanation}</Text>
          {props.error !== null && props.error !== undefined && <ErrorAlert error={props.error} title="Not done" />}
          <Textarea
            label="Reason"
            description="Recorded in the audit trail."
            required
            autosize
            minRows={2}
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={props.pending}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
