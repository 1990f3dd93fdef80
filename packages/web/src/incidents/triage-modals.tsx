import { Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import {
  type Concern,
  concernToIncidentRequestSchema,
  enumOptions,
  type IncidentSeverity,
  reasonSchema,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { ReasonModal } from "../ui/reason-modal";
import { useErrorFocus } from "../ui/use-error-focus";

export type Triage = "incident" | "risk" | "close";

function useTriage<V>(orgId: string, send: (variables: V) => Promise<Concern>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["incidents", orgId] });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    meta: { inlineError: true },
  });
}

/** Turns a concern into an incident (with a severity) or a risk, both titled by the triager. */
function RaiseModal({
  orgId,
  concern,
  as,
  onClose,
}: {
  orgId: string;
  concern: Concern;
  as: "incident" | "risk";
  onClose: () => void;
}) {
  const [title, setTitle] = useState("");
  const [severity, setSeverity] = useState<IncidentSeverity | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const params = { orgId, concernId: concern.id };
  const raise = useTriage(orgId, (body: { title: string; severity: IncidentSeverity }) =>
    as === "incident"
      ? callApi(routes.raiseIncidentFromConcern, { params, body })
      : callApi(routes.raiseRiskFromConcern, { params, body: { title: body.title } }),
  );
  const formRef = useErrorFocus(errors, raise.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(concernToIncidentRequestSchema, {
      title,
      severity: as === "incident" ? (severity ?? "") : "low",
    });
    setErrors(result.errors ?? {});
    if (result.data) raise.mutate(result.data, { onSuccess: onClose, onError: (e) => setErrors(serverFieldErrors(e)) });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={as === "incident" ? `Open an incident from ${concern.ref}` : `Add a risk from ${concern.ref}`}
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {as === "incident"
              ? "The incident starts as reported, with the concern's text as its description and its AI system affected."
              : "The risk is added to the register unassessed, with the concern's text as its description."}
          </Text>
          {raise.error && Object.keys(errors).length === 0 && <ErrorAlert error={raise.error} title="Not triaged" />}
          <TextInput
            label="Title"
            required
            data-autofocus
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
          />
          {as === "incident" && (
            <Select
              label="Severity"
              required
              data={enumOptions("incidentSeverity")}
              value={severity}
              onChange={(value) => setSeverity(value as IncidentSeverity | null)}
              error={errors.severity}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={raise.isPending}>
              {as === "incident" ? "Open incident" : "Add risk"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The dialog for one triage step on a concern. */
export function TriageModal({
  orgId,
  concern,
  triage,
  onClose,
}: {
  orgId: string;
  concern: Concern;
  triage: Triage;
  onClose: () => void;
}) {
  const close = useTriage(orgId, (reason: string) =>
    callApi(routes.closeConcern, { params: { orgId, concernId: concern.id }, body: { reason } }),
  );
  if (triage !== "close") return <RaiseModal orgId={orgId} concern={concern} as={triage} onClose={onClose} />;
  return (
    <ReasonModal
      opened
      title={`Close ${concern.ref}`}
      description="Closing records that the concern needs no incident or risk. The reason stays with it."
      label="Reason"
      schema={reasonSchema}
      maxLength={2000}
      confirmLabel="Close concern"
      errorTitle="Concern not closed"
      mutation={close}
      onClose={onClose}
    />
  );
}
