import type { RiskFormValues } from "./risk-form";

/** The fields of a create or update body, from the form; empty text becomes null where the API wants null. */
export function riskBody(values: RiskFormValues) {
  return {
    title: values.title,
    description: values.description,
    systemId: values.systemId,
    threatId: values.threatId,
    riskSources: values.riskSources,
    ownerMemberId: values.ownerMemberId,
    inherentLikelihood: values.inherentLikelihood,
    inherentImpact: values.inherentImpact,
    treatmentOption: values.treatmentOption,
    residualLikelihood: values.residualLikelihood,
    residualImpact: values.residualImpact,
    reviewDate: values.reviewDate === "" ? null : values.reviewDate,
  };
}
