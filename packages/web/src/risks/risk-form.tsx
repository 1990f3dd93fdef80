import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { type RiskStatus, riskStatuses } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import type { FieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { AssessmentFields, type AssessmentValues } from "./assessment-fields";
import { statusLabels } from "./risk-labels";
import type { RiskDetail, RiskMethodData } from "./risk-types";
import { useMemberOptions, useRiskCatalogue, useSystemOptions } from "./use-risk-data";

export interface RiskFormValues extends AssessmentValues {
  title: string;
  description: string;
  systemId: string | null;
  threatId: string | null;
  riskSources: string[];
  ownerMemberId: string | null;
  reviewDate: string;
  status: RiskStatus;
}

/** Form values for a risk, or for a new one (optionally for a given system). */
export function riskFormValues(risk: RiskDetail | null, systemId: string | null = null): RiskFormValues {
  return {
    title: risk?.title ?? "",
    description: risk?.description ?? "",
    systemId: risk ? (risk.system?.id ?? null) : systemId,
    threatId: risk?.threatId ?? null,
    riskSources: risk?.riskSources ?? [],
    ownerMemberId: risk?.owner?.memberId ?? null,
    inherentLikelihood: risk?.inherentLikelihood ?? null,
    inherentImpact: risk?.inherentImpact ?? null,
    treatmentOption: risk?.treatmentOption ?? null,
    residualLikelihood: risk?.residualLikelihood ?? null,
    residualImpact: risk?.residualImpact ?? null,
    reviewDate: risk?.reviewDate ?? "",
    status: risk?.status ?? "identified",
  };
}

interface Props {
  orgId: string;
  method: RiskMethodData;
  initial: RiskFormValues;
  /** Editing shows the status field; creating derives the status from the rating. */
  editing: boolean;
  errors: FieldErrors;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: (values: RiskFormValues) => void;
  onCancel: () => void;
}

/** Everything a risk records, for creating and editing. */
export function RiskForm(props: Props) {
  const { orgId, method, errors } = props;
  const [values, setValues] = useState<RiskFormValues>(props.initial);
  const set = (patch: Partial<RiskFormValues>) => setValues((old) => ({ ...old, ...patch }));
  const systems = useSystemOptions(orgId);
  const members = useMemberOptions(orgId);
  const catalogue = useRiskCatalogue();
  const formRef = useErrorFocus(errors, props.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(values);
  };
  // Accepted is reached by recording an acceptance, not by editing.
  const statusOptions = riskStatuses
    .filter((status) => status !== "accepted" || values.status === "accepted")
    .map((value) => ({ value, label: statusLabels[value] }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack maw={760}>
        {props.error !== null && <ErrorAlert error={props.error} title="Could not save the risk" />}
        <TextInput
          label="Title"
          required
          value={values.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label="Description"
          description="What could happen, to whom, and why."
          autosize
          minRows={3}
          value={values.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <Group grow align="flex-start">
          <Select
            label="AI system"
            description="Leave empty for an organisation-wide risk."
            placeholder="Organisation-wide"
            data={systems.data ?? []}
            value={values.systemId}
            onChange={(systemId) => set({ systemId })}
            clearable
            searchable
            error={errors.systemId}
          />
          <Select
            label="Owner"
            placeholder="No owner yet"
            data={members.data ?? []}
            value={values.ownerMemberId}
            onChange={(ownerMemberId) => set({ ownerMemberId })}
            clearable
            searchable
            error={errors.ownerMemberId}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Threat from the library"
            placeholder="None"
            data={catalogue.threats}
            value={values.threatId}
            onChange={(threatId) => set({ threatId })}
            clearable
            searchable
            error={errors.threatId}
          />
          <MultiSelect
            label="Annex C risk sources"
            data={catalogue.riskSources}
            value={values.riskSources}
            onChange={(riskSources) => set({ riskSources })}
            clearable
            error={errors.riskSources}
          />
        </Group>
        <AssessmentFields method={method} values={values} onChange={set} errors={errors} />
        <Group align="flex-start">
          <TextInput
            label="Review date"
            type="date"
            value={values.reviewDate}
            onChange={(e) => set({ reviewDate: e.currentTarget.value })}
            error={errors.reviewDate}
            w={200}
          />
          {props.editing && (
            <Select<RiskStatus>
              label="Status"
              data={statusOptions}
              value={values.status}
              onChange={(status) => set({ status: status ?? values.status })}
              allowDeselect={false}
              error={errors.status}
              w={220}
            />
          )}
        </Group>
        <Group>
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
