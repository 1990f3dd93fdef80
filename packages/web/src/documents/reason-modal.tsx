import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { ErrorAlert } from "../ui/error-alert";

interface Props {
  opened: boolean;
  title: string;
  explanation: string;
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  fieldError?: string | undefined;
  onSubmit: (text: string) => void;
  onClose: () => void;
}

/** Asks for a comment or reason before a workflow step that needs one. */
export function ReasonModal(props: Props) {
  const [text, setText] = useState("");
  useEffect(() => {
    if (props.opened) setText("");
  }, [props.opened]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(text);
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{props.explanation}</Text>
          {props.error !== null && props.error !== undefined && !props.fieldError && (
            <ErrorAlert error={props.error} title="That did not work" />
          )}
          <Textarea
            label={props.label}
            required
            autosize
            minRows={3}
            data-autofocus
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={props.fieldError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={props.pending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
