import type { CertificationStepId, CertificationStepStatus } from "@openaims/contracts";
import { certificationSteps, type StepCriterion, type StepDefinition, type StepPlace } from "./certification-steps.js";
import type { ReadinessFacts } from "./readiness-types.js";

export interface CertificationStep {
  id: CertificationStepId;
  title: string;
  clauseIds: string[];
  status: CertificationStepStatus;
  whyItMatters: string;
  doneMeans: string;
  /** The conditions of "done", each met or not; empty for a coming step. */
  criteria: { label: string; met: boolean }[];
  /** The one place to go next: where the first unmet condition is met. */
  place: StepPlace;
}

export interface CertificationPath {
  steps: CertificationStep[];
  /** The first built step not yet done, or null when every built step is done. */
  nextStepId: CertificationStepId | null;
  /** Built steps done, of built steps. */
  done: number;
  total: number;
}

/** The path to certification with each step's status derived from the same facts as readiness. */
export function certificationPath(
  facts: ReadinessFacts,
  steps: readonly StepDefinition[] = certificationSteps,
): CertificationPath {
  const derived = steps.map((step) => deriveStep(step, facts));
  const built = derived.filter((step) => step.status !== "coming");
  return {
    steps: derived,
    nextStepId: built.find((step) => step.status !== "done")?.id ?? null,
    done: built.filter((step) => step.status === "done").length,
    total: built.length,
  };
}

function deriveStep(step: StepDefinition, facts: ReadinessFacts): CertificationStep {
  const criteria: StepCriterion[] = step.criteria?.(facts) ?? [];
  const unmet = criteria.find((c) => !c.met);
  return {
    id: step.id,
    title: step.title,
    clauseIds: step.clauseIds,
    status: statusOf(step, criteria),
    whyItMatters: step.whyItMatters,
    doneMeans: step.doneMeans,
    criteria: criteria.map(({ label, met }) => ({ label, met })),
    place: unmet?.place ?? step.place,
  };
}

function statusOf(step: StepDefinition, criteria: readonly StepCriterion[]): CertificationStepStatus {
  if (!step.criteria) return "coming";
  const met = criteria.filter((c) => c.met).length;
  if (met === criteria.length) return "done";
  return met === 0 ? "not_started" : "in_progress";
}
