import type { SystemValues } from "@openaims/contracts";

/**
 * The fields of an AI system that an impact assessment rests on: when one changes, the assessment
 * may no longer describe the system, so the change is dated (`material_changed_at`).
 * Names, descriptions, owners, review dates and lifecycle stage are bookkeeping, not material.
 */
export const materialSystemFields = [
  "purpose",
  "intendedUse",
  "limitations",
  "ourRole",
  "impactTier",
  "highImpactReasons",
  "dataCategories",
  "capabilities",
  "autonomy",
  "humanOversight",
  "customerFacing",
] as const satisfies readonly (keyof SystemValues)[];

export type MaterialSystemField = (typeof materialSystemFields)[number];

type MaterialValues = Pick<SystemValues, MaterialSystemField>;

/** Lists compare as sets: the same categories in another order are no change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...new Set(a.map(String))].sort();
    const right = [...new Set(b.map(String))].sort();
    return left.length === right.length && left.every((value, i) => value === right[i]);
  }
  return a === b;
}

/** The material fields whose value differs between two states of a system, in declaration order. */
export function changedMaterialFields(before: MaterialValues, after: MaterialValues): MaterialSystemField[] {
  return materialSystemFields.filter((field) => !sameValue(before[field], after[field]));
}
