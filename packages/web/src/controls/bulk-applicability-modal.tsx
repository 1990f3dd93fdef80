import { Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type BulkApplicabilityRequest, type Control, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { isApiError } from "../api/api-error";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

interface Props {
  orgId: string;
  /** The decision to record, or null while the dialog is closed. */
  applicable: boolean | null;
  controls: readonly Control[];
  onClose: () => void;
  onDone: () => void;
}

/** Asks for the one justification a bulk decision records on every selected control. */
export function BulkApplicabilityModal({ orgId, applicable, controls, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const [justification, setJustification] = useState("");
  const [overrideReason, setOverrideReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const excluding = applicable === false;
  const treating = controls.filter((c) => c.applicable !== false && c.risks.some((risk) => risk.open));

  const decide = useMutation({
    mutationFn: (body: BulkApplicabilityRequest) =>
      callApi(routes.decideControlsApplicability, { params: { orgId }, body }),
    onSuccess: async (result) => {
      const changed = result.changedRefs.length;
      notifications.show({
        color: "blue",
        message: `${changed} control${changed === 1 ? "" : "s"} marked ${excluding ? "not applicable" : "applicable"}.`,
      });
      await queryClient.invalidateQueries({ queryKey: ["controls", orgId] });
      await queryClient.invalidateQueries({ queryKey: ["soa", orgId] });
      reset();
      onDone();
    },
    onError: (error) => {
      const fields = serverFieldErrors(error);
      if (isApiError(error, "illegal_transition") && excluding) fields.overrideReason = error.message;
      setErrors(fields);
    },
    meta: { inlineError: true },
  });

  const reset = () => {
    setJustification("");
    setOverrideReason("");
    setErrors({});
    decide.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const formRef = useErrorFocus(errors, decide.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (applicable === null) return;
    decide.mutate({
      items: controls.map((control) => ({ controlId: control.id, version: control.version })),
      applicable,
      justification,
      ...(excluding && overrideReason.trim() ? { overrideReason } : {}),
    });
  };

  const what = excluding ? "not applicable" : "applicable";
  return (
    <Modal
      opened={applicable !== null}
      onClose={close}
      title={`Mark ${controls.length === 1 ? "1 control" : `${controls.length} controls`} ${what}`}
      size="lg"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {decide.error && !errors.justification && !errors.overrideReason && (
            <ErrorAlert error={decide.error} title="Could not save" />
          )}
          <Text size="sm">{controls.map((control) => control.ref).join(", ")}</Text>
          <Textarea
            label="Justification"
            description={`Why these controls are ${what}. It is recorded on each of them.`}
            required
            autosize
            minRows={3}
            data-autofocus
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
            error={errors.justification}
          />
          {excluding && (treating.length > 0 || errors.overrideReason) && (
            <>
              {treating.length > 0 && (
                <>
                  <Text size="sm">These controls treat open risks:</Text>
                  <List size="sm">
                    {treating.map((control) => (
                      <List.Item key={control.id}>
                        {control.ref}:{" "}
                        {control.risks
                          .filter((risk) => risk.open)
                          .map((risk) => risk.ref)
                          .join(", ")}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
              <Textarea
                label="Override reason"
                description="Why they are excluded anyway. Leave them out of the selection to keep them applicable."
                required
                autosize
                minRows={2}
                value={overrideReason}
                onChange={(e) => setOverrideReason(e.currentTarget.value)}
                error={errors.overrideReason}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={decide.isPending}>
              Mark {what}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
