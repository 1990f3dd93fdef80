import { Button, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from "@mantine/core";
import { createTrainingRecordRequestSchema, routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useCompetenceRefresh, useMemberOptions } from "./use-competence-data";

const blank = {
  memberId: null as string | null,
  course: "",
  provider: "",
  completedOn: "",
  expiresOn: "",
  neverExpires: false,
  evidenceId: "",
  notes: "",
};

/** Records a member's completed training; the expiry defaults from the course's renewal period. */
export function RecordTrainingModal({
  orgId,
  opened,
  onClose,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const refresh = useCompetenceRefresh(orgId);
  const members = useMemberOptions(orgId);
  const [values, setValues] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const close = () => {
    setValues(blank);
    setErrors({});
    create.reset();
    onClose();
  };
  const create = useMutation({
    mutationFn: (body: unknown) =>
      callApi(routes.createTrainingRecord, { params: { orgId }, body: createTrainingRecordRequestSchema.parse(body) }),
    onSuccess: async () => {
      await refresh();
      close();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { neverExpires, ...rest } = values;
    const body = {
      ...rest,
      // Left out, the server takes the renewal period of a requirement for the course.
      expiresOn: neverExpires ? null : values.expiresOn || undefined,
      evidenceId: values.evidenceId.trim() || null,
    };
    const result = validate(createTrainingRecordRequestSchema, body);
    setErrors(result.errors ?? {});
    if (!result.errors) create.mutate(body);
  };
  return (
    <Modal opened={opened} onClose={close} title="Record training" size="lg">
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Record training">
        <Stack>
          {create.error && <ErrorAlert error={create.error} title="The training was not recorded" />}
          <Select
            label="Member"
            placeholder="Choose a member"
            data={members.data ?? []}
            value={values.memberId}
            onChange={(memberId) => set({ memberId })}
            searchable
            required
            error={errors.memberId}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Course"
              description="As the requirement names it (case does not matter)"
              required
              value={values.course}
              onChange={(e) => set({ course: e.currentTarget.value })}
              error={errors.course}
            />
            <TextInput
              label="Provider"
              value={values.provider}
              onChange={(e) => set({ provider: e.currentTarget.value })}
              error={errors.provider}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="Completed on"
              type="date"
              required
              value={values.completedOn}
              onChange={(e) => set({ completedOn: e.currentTarget.value })}
              error={errors.completedOn}
            />
            <TextInput
              label="Expires on"
              description="Empty: the course's renewal period applies"
              type="date"
              disabled={values.neverExpires}
              value={values.expiresOn}
              onChange={(e) => set({ expiresOn: e.currentTarget.value })}
              error={errors.expiresOn}
            />
          </Group>
          <Switch
            label="Does not expire"
            checked={values.neverExpires}
            onChange={(e) => set({ neverExpires: e.currentTarget.checked, expiresOn: "" })}
          />
          <TextInput
            label="Evidence ID"
            description="The evidence record holding the certificate, if there is one"
            value={values.evidenceId}
            onChange={(e) => set({ evidenceId: e.currentTarget.value })}
            error={errors.evidenceId}
          />
          <Textarea
            label="Notes"
            autosize
            value={values.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Record training
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
