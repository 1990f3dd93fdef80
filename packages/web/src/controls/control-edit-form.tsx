import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Control,
  type ImplementationStatus,
  implementationStatuses,
  routes,
  type UpdateControlRequest,
} from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { isApiError } from "../api/api-error";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { ApplicabilityFields, type ApplicabilityValues } from "./applicability-fields";
import { implementationLabels } from "./control-labels";
import { EvidenceRuleFields } from "./evidence-rule-fields";
import { OwnerSelect } from "./owner-select";
import { useControlSaved } from "./use-control";

const applicabilityOf = (applicable: boolean | null) =>
  applicable === null ? "undecided" : applicable ? "applicable" : "not_applicable";

/** Edits a control's decision, implementation, owner and evidence requirement. */
export function ControlEditForm({ orgId, control }: { orgId: string; control: Control }) {
  const saved = useControlSaved(orgId);
  const [decision, setDecision] = useState<ApplicabilityValues>({
    applicability: applicabilityOf(control.applicable),
    justification: control.justification ?? "",
    overrideReason: control.overrideReason ?? "",
  });
  const [title, setTitle] = useState(control.title);
  const [description, setDescription] = useState(control.description ?? "");
  const [status, setStatus] = useState<ImplementationStatus>(control.implementationStatus);
  const [how, setHow] = useState(control.implementationDescription ?? "");
  const [owner, setOwner] = useState<string | null>(control.owner?.memberId ?? null);
  const [requirement, setRequirement] = useState(control.evidenceRequirement ?? "");
  const [freshness, setFreshness] = useState<number | string>(control.evidenceFreshnessDays ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const custom = control.kind === "custom";
  const openRiskRefs = control.risks.filter((risk) => risk.open).map((risk) => risk.ref);

  const save = useMutation({
    mutationFn: (body: UpdateControlRequest) =>
      callApi(routes.updateControl, { params: { orgId, controlId: control.id }, body }),
    onSuccess: async (next) => {
      setErrors({});
      notifications.show({ color: "blue", message: `${next.ref} saved.` });
      await saved(next);
    },
    onError: (error) => {
      const fields = serverFieldErrors(error);
      if (isApiError(error, "illegal_transition") && decision.applicability === "not_applicable")
        fields.overrideReason = error.message;
      setErrors(fields);
    },
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { applicability, justification, overrideReason } = decision;
    save.mutate({
      version: control.version,
      ...(custom ? { title, description } : {}),
      applicable: applicability === "undecided" ? null : applicability === "applicable",
      justification,
      overrideReason,
      implementationStatus: status,
      implementationDescription: how,
      ownerMemberId: owner,
      evidenceRequirement: requirement,
      evidenceFreshnessDays: freshness === "" ? null : Number(freshness),
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="edit-control-heading">
      <Title order={2} size="h3" id="edit-control-heading" mb="sm">
        Decision and implementation
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {save.error && !Object.keys(errors).length && <ErrorAlert error={save.error} title="Could not save" />}
          {custom && (
            <>
              <TextInput
                label="Title"
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={errors.title}
              />
              <Textarea
                label="Description"
                autosize
                minRows={2}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={errors.description}
              />
            </>
          )}
          <ApplicabilityFields value={decision} onChange={setDecision} openRiskRefs={openRiskRefs} errors={errors} />
          <Select<ImplementationStatus>
            label="Implementation status"
            data={implementationStatuses.map((s) => ({ value: s, label: implementationLabels[s] }))}
            value={status}
            onChange={(value) => setStatus(value ?? "not_started")}
            allowDeselect={false}
            maw={280}
          />
          <Textarea
            label="How it is implemented"
            autosize
            minRows={2}
            value={how}
            onChange={(e) => setHow(e.currentTarget.value)}
            error={errors.implementationDescription}
          />
          <OwnerSelect
            orgId={orgId}
            value={owner}
            currentName={control.owner?.name ?? null}
            onChange={setOwner}
            error={errors.ownerMemberId}
          />
          <EvidenceRuleFields
            requirement={requirement}
            onRequirementChange={setRequirement}
            freshness={freshness}
            onFreshnessChange={setFreshness}
            errors={errors}
            requirementHint="What evidence shows the control works."
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save control
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
