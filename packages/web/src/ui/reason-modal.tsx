import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import type { z } from "zod";
import { serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "./error-alert";
import { limitCounter } from "./field-limit";
import { useErrorFocus } from "./use-error-focus";

/** The part of a react-query mutation the dialog drives; its variables are the typed text. */
export interface ReasonMutation {
  mutate: (text: string, options: { onSuccess: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

interface ReasonModalProps {
  opened: boolean;
  /** Also the dialog's accessible name, e.g. "Archive R-3". */
  title: string;
  /** What the step means for the record. */
  description?: ReactNode;
  /** Label of the text box, e.g. "Reason". */
  label: string;
  /** Help shown under the label. */
  hint?: string;
  confirmLabel: string;
  confirmColor?: string;
  /** Title of the alert for a refusal that is not about the text. */
  errorTitle: string;
  /** Name of the request field the text is sent as; a server message about it shows under the text box. */
  field?: string;
  /** Optional text (e.g. an approval comment) is sent as typed, even empty. */
  required?: boolean;
  /** Checks the text before sending it, so a too-short reason is caught without a round trip. */
  schema?: z.ZodType;
  /** The longest text the server takes; shown as a counter ("120 / 2000"), not enforced while typing. */
  maxLength?: number;
  mutation: ReasonMutation;
  onClose: () => void;
}

/**
 * Asks for a reason (or a comment) before a step that records one: archive, dismiss, retire, return.
 * The dialog closes when the step succeeds; a refusal about the text shows under the text box.
 */
export function ReasonModal(props: ReasonModalProps) {
  const { mutation, field = "reason", required = true } = props;
  const [text, setText] = useState("");
  const [localError, setLocalError] = useState<string | undefined>();
  const fieldError = localError ?? serverFieldErrors(mutation.error)[field];

  // Cleared at once, not on the next opening, so the old text is gone while the dialog fades out.
  const close = () => {
    setText("");
    setLocalError(undefined);
    mutation.reset();
    props.onClose();
  };
  const formRef = useErrorFocus(fieldError, mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.schema) {
      const result = validate(props.schema, text);
      setLocalError(result.errors ? Object.values(result.errors)[0] : undefined);
      if (result.errors) return;
    }
    mutation.mutate(text, { onSuccess: close });
  };

  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {props.description !== undefined && <Text size="sm">{props.description}</Text>}
          {mutation.error !== null && mutation.error !== undefined && !fieldError && (
            <ErrorAlert error={mutation.error} title={props.errorTitle} />
          )}
          <Textarea
            label={props.label}
            description={[props.hint, limitCounter(text, props.maxLength)].filter(Boolean).join(" · ") || undefined}
            required={required}
            autosize
            minRows={3}
            data-autofocus
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={fieldError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={props.confirmColor} loading={mutation.isPending}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
