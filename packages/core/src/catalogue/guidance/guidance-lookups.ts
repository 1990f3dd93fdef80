import type { ClauseGuidance, ControlGuidance } from "../catalogue-types.js";
import { clauseGuidance4To6 } from "./clause-guidance-4-6.js";
import { clauseGuidance7To10 } from "./clause-guidance-7-10.js";
import { controlGuidanceA2ToA5 } from "./control-guidance-a2-a5.js";
import { controlGuidanceA6 } from "./control-guidance-a6.js";
import { controlGuidanceA7ToA10 } from "./control-guidance-a7-a10.js";

/** Guidance for every clause of 4–10, by clause id. */
export const clauseGuidance: Readonly<Record<string, ClauseGuidance>> = {
  ...clauseGuidance4To6,
  ...clauseGuidance7To10,
};

/** Guidance for every Annex A control, by control id. */
export const controlGuidance: Readonly<Record<string, ControlGuidance>> = {
  ...controlGuidanceA2ToA5,
  ...controlGuidanceA6,
  ...controlGuidanceA7ToA10,
};

/** Our guidance for a clause, or undefined for an unknown id. */
export function findClauseGuidance(clauseId: string): ClauseGuidance | undefined {
  return Object.hasOwn(clauseGuidance, clauseId) ? clauseGuidance[clauseId] : undefined;
}

/** Our guidance for an Annex A control, or undefined for an unknown id. */
export function findControlGuidance(controlId: string): ControlGuidance | undefined {
  return Object.hasOwn(controlGuidance, controlId) ? controlGuidance[controlId] : undefined;
}

/** The kind of controlled document a clause expects, if any; readiness looks for an approved one. */
export function expectedDocumentKindFor(clauseId: string): ClauseGuidance["expectedDocumentKind"] {
  return findClauseGuidance(clauseId)?.expectedDocumentKind;
}

/** How many days evidence for a control stays current; 365 when the id is unknown. */
export function suggestedFreshnessDaysFor(controlId: string): number {
  return findControlGuidance(controlId)?.suggestedFreshnessDays ?? 365;
}
