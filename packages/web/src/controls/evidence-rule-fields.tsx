import { NumberInput, Textarea } from "@mantine/core";
import type { FieldErrors } from "../api/form-errors";

interface EvidenceRuleFieldsProps {
  requirement: string;
  onRequirementChange: (value: string) => void;
  freshness: number | string;
  onFreshnessChange: (value: number | string) => void;
  errors: FieldErrors;
  /** Shown under the requirement field. */
  requirementHint?: string;
}

/** What evidence a control needs and how long it stays current: the same two fields on create and edit. */
export function EvidenceRuleFields(props: EvidenceRuleFieldsProps) {
  return (
    <>
      <Textarea
        label="Evidence requirement"
        description={props.requirementHint}
        autosize
        minRows={2}
        value={props.requirement}
        onChange={(e) => props.onRequirementChange(e.currentTarget.value)}
        error={props.errors.evidenceRequirement}
      />
      <NumberInput
        label="Evidence stays current for (days)"
        min={1}
        max={3650}
        allowDecimal={false}
        value={props.freshness}
        onChange={props.onFreshnessChange}
        error={props.errors.evidenceFreshnessDays}
        maw={280}
      />
    </>
  );
}
