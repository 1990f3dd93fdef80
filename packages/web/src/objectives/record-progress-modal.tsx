import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { type ObjectiveDetail, recordObjectiveProgressRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

/** A local date and time input's value ("2026-03-01T14:30") as an ISO time, or none when empty. */
function isoOf(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString();
}

/**
 * Records a progress reading: a value typed in for a measure read by hand, or the metric's latest
 * observation (at a chosen time, now by default) for a metric measure.
 */
export function RecordProgressModal({
  orgId,
  objective,
  opened,
  onClose,
}: {
  orgId: string;
  objective: ObjectiveDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const fromMetric = objective.measureKind === "metric";
  const [value, setValue] = useState<number | string>("");
  const [when, setWhen] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const record = useMutation({
    mutationFn: (body: unknown) =>
      callApi(routes.recordObjectiveProgress, {
        params: { orgId, objectiveId: objective.id },
        body: recordObjectiveProgressRequestSchema.parse(body),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["objectives", orgId] });
      close();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, record.error);
  const close = () => {
    setValue("");
    setWhen("");
    setNote("");
    setErrors({});
    record.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = fromMetric
      ? { source: "metric", recordedAt: isoOf(when), note }
      : { source: "manual", value: value === "" ? undefined : Number(value), recordedAt: isoOf(when), note };
    const result = validate(recordObjectiveProgressRequestSchema, body);
    setErrors(result.errors ?? {});
    if (!result.errors) record.mutate(body);
  };
  const title = `Record progress of ${objective.ref}`;
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {record.error && <ErrorAlert error={record.error} title="The reading was not recorded" />}
          {fromMetric ? (
            <Text size="sm">
              The metric {objective.metric?.name ?? ""} is read at the time you choose (now when empty): its latest
              observation at or before then is added to the history.
            </Text>
          ) : (
            <NumberInput
              label={`Value${objective.unit ? ` (${objective.unit})` : ""}`}
              required
              value={value}
              onChange={setValue}
              error={errors.value}
              data-autofocus
            />
          )}
          <TextInput
            label={fromMetric ? "Read the metric as of" : "Measured at"}
            description="Now when empty"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
            error={errors.recordedAt}
          />
          <TextInput
            label="Note"
            description="Where the value comes from, or what changed"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={record.isPending}>
              {fromMetric ? "Record from the metric" : "Record progress"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
