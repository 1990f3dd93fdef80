import {
  createSystemRequestSchema,
  type ImportError,
  oneOfMessage,
  type SystemColumn,
  type SystemValues,
  systemColumnOfField,
  systemColumns,
} from "@openaims/contracts";
import { canonicalJson } from "../audit/canonical-json.js";
import { booleanCell, dateCell, enumCell, enumListCell } from "./import-cells.js";
import { importError, importParseOptions, type PlannedImportRow } from "./import-plan.js";
import { normaliseSystemValues, systemFieldProblems, systemSlugFromName } from "./system-rules.js";

/** A system already in the organisation, as an import row would compare against it. */
export interface ExistingSystem {
  id: string;
  values: SystemValues;
  archived: boolean;
}

/** What a row is checked against: the organisation's members and systems. */
export interface SystemImportLookups {
  /** Active members by lower-case e-mail → membership id. */
  memberIdByEmail: ReadonlyMap<string, string>;
  existingBySlug: ReadonlyMap<string, ExistingSystem>;
}

/** A systems row; its key is the slug. */
export type PlannedSystemRow = PlannedImportRow<SystemValues, ExistingSystem>;

const requiredEnums: Readonly<Record<string, readonly string[]>> = {
  ourRole: createSystemRequestSchema.shape.ourRole.options,
  impactTier: createSystemRequestSchema.shape.impactTier.options,
  autonomy: createSystemRequestSchema.shape.autonomy.options,
};

/** Reads one cell leniently; undefined means "not given" (keep the stored value, or the default). */
function readCell(
  column: SystemColumn,
  text: string,
  memberIdByEmail: ReadonlyMap<string, string>,
  report: (message: string) => void,
): unknown {
  switch (column.kind) {
    case "text":
      return text;
    case "slug":
      return text.trim() === "" ? undefined : text;
    case "enum": {
      const value = enumCell(text, column.aliases);
      const allowed = requiredEnums[column.field];
      if (value === undefined && allowed) report(`required — ${oneOfMessage(allowed)}`);
      return value;
    }
    case "list":
      return enumListCell(text, column.aliases);
    case "boolean":
      return booleanCell(text);
    case "date":
      return dateCell(text);
    case "owner": {
      const email = text.trim().toLowerCase();
      if (email === "") return null;
      const id = memberIdByEmail.get(email);
      if (!id) report(`no active member of this organisation has the e-mail ${email}`);
      return id;
    }
  }
}

/** A schema issue's message, naming the list value it is about. */
export function issueMessage(
  issue: { path: PropertyKey[]; message: string },
  candidate: Record<string, unknown>,
): string {
  const [field, index] = issue.path;
  const list = candidate[String(field)];
  if (typeof index === "number" && Array.isArray(list)) return `"${String(list[index])}" ${issue.message}`;
  return issue.message;
}

/**
 * Checks one data row of a systems file. Cells are read leniently (case, spaces, aliases, list
 * separators) and then validated with the same schema and rules as the API. A row whose slug names
 * an existing system updates it with the columns the file has; other rows create systems.
 */
export function planSystemRow(
  cells: ReadonlyMap<string, string>,
  row: number,
  lookups: SystemImportLookups,
): PlannedSystemRow {
  const errors: ImportError[] = [];
  const flagged = new Set<string>();
  const given: Record<string, unknown> = {};
  for (const column of systemColumns) {
    const text = cells.get(column.key);
    if (text === undefined) continue;
    const value = readCell(column, text, lookups.memberIdByEmail, (message) => {
      flagged.add(column.key);
      errors.push(importError(row, column.key, message));
    });
    if (value !== undefined) given[column.field] = value;
  }
  const name = typeof given.name === "string" ? given.name.trim() : "";
  if (name === "" && !flagged.has("name")) {
    flagged.add("name");
    errors.push(importError(row, "name", "required"));
  }
  const slug = typeof given.slug === "string" ? given.slug.trim().toLowerCase() : systemSlugFromName(name);
  given.slug = slug;
  const existing = lookups.existingBySlug.get(slug) ?? null;
  if (existing?.archived) errors.push(importError(row, "slug", `the system '${slug}' is archived; use another slug`));

  const candidate: Record<string, unknown> = existing ? { ...existing.values, ...given } : given;
  const parsed = createSystemRequestSchema.safeParse(candidate, importParseOptions);
  let values: SystemValues | null = null;
  const reasons = candidate.highImpactReasons;
  const linked = { impactTier: candidate.impactTier, highImpactReasons: Array.isArray(reasons) ? reasons : [] };
  for (const problem of systemFieldProblems(linked as Parameters<typeof systemFieldProblems>[0]))
    errors.push(importError(row, systemColumnOfField[problem.field] ?? problem.field, problem.message));
  if (parsed.success) {
    values = normaliseSystemValues({ ...parsed.data, slug: parsed.data.slug ?? slug });
  } else {
    for (const issue of parsed.error.issues) {
      const column = systemColumnOfField[String(issue.path[0])] ?? String(issue.path[0] ?? "");
      if (flagged.has(column)) continue;
      errors.push(importError(row, column || null, issueMessage(issue, candidate)));
    }
  }
  const base = { row, key: slug, name, existing };
  if (errors.length > 0 || !values) return { ...base, action: "invalid", values: null, errors };
  const action = !existing ? "create" : sameSystemValues(existing.values, values) ? "unchanged" : "update";
  return { ...base, action, values, errors };
}

/** Whether two states of a system store the same values. */
export function sameSystemValues(a: SystemValues, b: SystemValues): boolean {
  return canonicalJson(normaliseSystemValues(a)) === canonicalJson(normaliseSystemValues(b));
}
