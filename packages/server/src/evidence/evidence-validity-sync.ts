import { checkEvidenceDates, deriveValidUntil, type ValidityBasis } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { invalidField } from "../http/invalid-fields.js";

/** A date ('2025-03-31', midnight UTC) or timestamp from a request, as an instant. */
export function toInstant(value: string): Date {
  return new Date(value);
}

/** Refuses a future collection date or an expiry before collection, naming the field sent. */
export function assertEvidenceDates(collectedAt: Date, validUntil: Date | null, from: "body" | "query"): void {
  const problem = checkEvidenceDates(collectedAt, validUntil, new Date());
  if (!problem) return;
  const field = `${from}.${problem.field}`;
  throw invalidField(field, problem.message);
}

/** The freshness periods of the given (active) controls of the organisation. */
export async function freshnessOfControls(
  db: Kysely<Database>,
  orgId: string,
  controlIds: readonly string[],
): Promise<(number | null)[]> {
  if (controlIds.length === 0) return [];
  const rows = await db
    .selectFrom("controls")
    .select("evidence_freshness_days")
    .where("org_id", "=", orgId)
    .where("id", "in", controlIds)
    .where("archived_at", "is", null)
    .execute();
  return rows.map((row) => row.evidence_freshness_days);
}

/** The controls a piece of evidence is linked to right now. */
export async function linkedControlIds(db: Kysely<Database>, orgId: string, evidenceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("evidence_links")
    .select("target_id")
    .where("org_id", "=", orgId)
    .where("evidence_id", "=", evidenceId)
    .where("target_type", "=", "control")
    .where("archived_at", "is", null)
    .execute();
  return rows.flatMap((row) => (row.target_id ? [row.target_id] : []));
}

/** The expiry of a piece of evidence from its explicit date, else its linked controls right now. */
export async function validityFor(
  db: Kysely<Database>,
  orgId: string,
  input: { evidenceId: string; collectedAt: Date; explicitValidUntil: Date | null },
): Promise<{ validUntil: Date | null; basis: ValidityBasis }> {
  if (input.explicitValidUntil) return deriveValidUntil({ ...input, freshnessDays: [] });
  const controls = await linkedControlIds(db, orgId, input.evidenceId);
  return deriveValidUntil({ ...input, freshnessDays: await freshnessOfControls(db, orgId, controls) });
}
