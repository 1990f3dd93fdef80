import { dataCategories, highImpactReasons, type SystemValues, systemCapabilities } from "@openaims/contracts";

/** A problem with one field of a record, named as in the API (`highImpactReasons`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A system's slug derived from its name: lower-case ASCII letters and digits joined by single
 * hyphens ("Kundenservice-Bot (DE)" → "kundenservice-bot-de"). Deterministic, so a clash is reported
 * rather than hidden behind a random suffix.
 */
export function systemSlugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "system";
}

/** The rules that tie fields of a system together; an empty list means the system is consistent. */
export function systemFieldProblems(values: Pick<SystemValues, "impactTier" | "highImpactReasons">): FieldProblem[] {
  if (values.impactTier === "high" && values.highImpactReasons.length === 0) {
    return [
      {
        field: "highImpactReasons",
        message: `name at least one reason when the impact tier is high (${highImpactReasons.join(", ")})`,
      },
    ];
  }
  return [];
}

/** Keeps each value once, in the order the list of allowed values gives, so equal sets store alike. */
function inCanonicalOrder<T extends string>(values: readonly T[], order: readonly T[]): T[] {
  const present = new Set(values);
  return order.filter((value) => present.has(value));
}

/** A system's values with its lists de-duplicated and ordered, as they are stored and compared. */
export function normaliseSystemValues<V extends SystemValues>(values: V): V {
  return {
    ...values,
    highImpactReasons: inCanonicalOrder(values.highImpactReasons, highImpactReasons),
    dataCategories: inCanonicalOrder(values.dataCategories, dataCategories),
    capabilities: inCanonicalOrder(values.capabilities, systemCapabilities),
  };
}
