import { fieldMessage } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AppError } from "../http/app-error.js";
import { invalidFields } from "../http/invalid-fields.js";

/** One bad body field, named without the `body.` prefix. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A 400 naming each bad body field, shaped like schema validation so forms show it beside the input. */
export function invalidBody(problems: FieldProblem[]): AppError {
  return invalidFields(problems.map((p) => fieldMessage(`body.${p.field}`, p.message)));
}

/** Throws the 400 when there is any problem. */
export function refuseProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw invalidBody(problems);
}

/** Problems with member ids a body names: each must be a current member of this organisation. */
export async function checkMembers(
  db: Kysely<Database>,
  orgId: string,
  field: string,
  ids: readonly string[],
): Promise<FieldProblem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("memberships")
    .select(["id", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  const found = new Map(rows.map((row) => [row.id, row]));
  const problems: FieldProblem[] = [];
  ids.forEach((id, index) => {
    const name = field.endsWith("Ids") ? `${field}.${index}` : field;
    const row = found.get(id);
    if (!row) problems.push({ field: name, message: `'${id}' is not a member of this organisation` });
    else if (row.archived_at)
      problems.push({ field: name, message: `'${id}' is a member who has left this organisation` });
  });
  if (new Set(ids).size !== ids.length) problems.push({ field, message: "names the same member twice" });
  return problems;
}

/**
 * Problems with AI system ids: each must be a system of this organisation; ones not already listed
 * (`kept`) must also be active, so a scope can keep a system archived since but not add one.
 */
export async function checkSystems(
  db: Kysely<Database>,
  orgId: string,
  field: string,
  ids: readonly string[],
  kept: readonly string[] = [],
): Promise<FieldProblem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("ai_systems")
    .select(["id", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  const found = new Map(rows.map((row) => [row.id, row]));
  const problems: FieldProblem[] = [];
  ids.forEach((id, index) => {
    const name = field.endsWith("Ids") ? `${field}.${index}` : field;
    const row = found.get(id);
    if (!row) problems.push({ field: name, message: `'${id}' is not an AI system of this organisation` });
    else if (row.archived_at && !kept.includes(id))
      problems.push({ field: name, message: `'${id}' is an archived AI system` });
  });
  if (new Set(ids).size !== ids.length) problems.push({ field, message: "names the same AI system twice" });
  return problems;
}
