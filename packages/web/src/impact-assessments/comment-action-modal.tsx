import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";

interface Props {
  opened: boolean;
  title: string;
  intro: ReactNode;
  /** Label of the text box; the answer's field name decides which server error shows under it. */
  label: string;
  field: "comment" | "reason";
  required: boolean;
  confirmLabel: string;
  color?: string;
  pending: boolean;
  error: unknown;
  onConfirm: (text: string) => void;
  onClose: () => void;
}

/** A workflow step that asks for a comment or a reason before it is taken (return, approve, archive). */
export function CommentActionModal(props: Props) {
  const [text, setText] = useState("");
  const fieldError = serverFieldErrors(props.error)[props.field];
  const close = () => {
    setText("");
    props.onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onConfirm(text);
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.intro}</Text>
          {props.error !== null && !fieldError && <ErrorAlert error={props.error} title="That step was refused" />}
          <Textarea
            label={props.label}
            required={props.required}
            autosize
            minRows={3}
            maxLength={4000}
            data-autofocus
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={fieldError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={props.color} loading={props.pending}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
