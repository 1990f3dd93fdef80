import { type CertificationStepId, certificationStepIds } from "@openaims/contracts";
import type { ActionGroup, ReadinessGap } from "./readiness-types.js";

/** Where a gap was found: a clause (by id), a control (by ref, in an Annex A area) or an AI system. */
export type GapSubject =
  | { kind: "clause"; id: string }
  | { kind: "control"; ref: string; areaId: string | null }
  | { kind: "system"; name: string };

/** One act that closes one or more gaps, with everything it serves. */
export interface ReadinessAction extends Omit<ActionGroup, "step"> {
  step: CertificationStepId;
  /** The most severe of the gaps it closes. */
  severity: ReadinessGap["severity"];
  gapsClosed: number;
  clauseIds: string[];
  controlRefs: string[];
  /** Annex A areas of those controls ("custom" for custom controls). */
  areaIds: string[];
  systems: string[];
}

/** The steps in path order, for ranking acts that are otherwise equal. */
export const stepOrder: readonly CertificationStepId[] = certificationStepIds;

const severityRank = { high: 0, medium: 1, low: 2 } as const;

/**
 * Groups gaps by the act that closes them, each act listed once with every clause, control and
 * system it serves. Most severe first; among equals the act that closes more gaps, then the one
 * earlier on the certification path.
 */
export function groupGapsByAction(gaps: readonly { gap: ReadinessGap; subject: GapSubject }[]): ReadinessAction[] {
  const byKey = new Map<string, ReadinessAction>();
  for (const { gap, subject } of gaps) {
    const action = byKey.get(gap.group.key) ?? {
      ...gap.group,
      severity: gap.severity,
      gapsClosed: 0,
      clauseIds: [],
      controlRefs: [],
      areaIds: [],
      systems: [],
    };
    action.gapsClosed += 1;
    if (severityRank[gap.severity] < severityRank[action.severity]) action.severity = gap.severity;
    if (subject.kind === "clause") addOnce(action.clauseIds, subject.id);
    if (subject.kind === "system") addOnce(action.systems, subject.name);
    if (subject.kind === "control") {
      addOnce(action.controlRefs, subject.ref);
      addOnce(action.areaIds, subject.areaId ?? "custom");
    }
    byKey.set(gap.group.key, action);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      b.gapsClosed - a.gapsClosed ||
      stepOrder.indexOf(a.step) - stepOrder.indexOf(b.step),
  );
}

function addOnce(list: string[], value: string) {
  if (!list.includes(value)) list.push(value);
}
