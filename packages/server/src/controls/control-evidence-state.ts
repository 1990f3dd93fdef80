import type { EvidenceState } from "@openaims/contracts";
import { compareRefs } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";

/** The evidence behind one control. */
export interface ControlEvidence {
  /** missing: nothing live is linked; current: at least one linked item is valid; expired: all have expired. */
  state: EvidenceState;
  /** Refs of the live evidence linked to the control, sorted ("E-2", "E-10"). */
  refs: string[];
  /** The latest expiry among the linked evidence; null when none is linked or one never expires. */
  latestValidUntil: Date | null;
}

export const NO_EVIDENCE: ControlEvidence = Object.freeze({ state: "missing", refs: [], latestValidUntil: null });

/**
 * Evidence in table `alias` is current at `now`: it does not expire, or expires later. The one SQL
 * form of `evidenceValidity` in @openaims/core, shared by everything that folds evidence in a query.
 */
export function evidenceCurrentAt(alias: string, now: Date): RawBuilder<boolean> {
  const validUntil = sql.ref(`${alias}.valid_until`);
  return sql<boolean>`(${validUntil} is null or ${validUntil} > ${now})`;
}

/**
 * The evidence state of controls of one organisation, from the live (not archived) evidence
 * linked to them through `evidence_links` (target_type 'control'). Pass `controlIds` to limit the
 * work, or null for every control. Controls without live evidence are absent: read with
 * `map.get(id) ?? NO_EVIDENCE`.
 */
export async function loadControlEvidence(
  db: Kysely<Database>,
  orgId: string,
  controlIds: readonly string[] | null,
  now: Date = new Date(),
): Promise<Map<string, ControlEvidence>> {
  if (controlIds !== null && controlIds.length === 0) return new Map();
  // Folded per control in SQL: one row per control instead of one per link keeps large libraries fast.
  let query = db
    .selectFrom("evidence_links")
    .innerJoin("evidence", "evidence.id", "evidence_links.evidence_id")
    .select([
      "evidence_links.target_id",
      sql<string[]>`json_agg(distinct evidence.ref)`.as("refs"),
      sql<boolean>`bool_or(${evidenceCurrentAt("evidence", now)})`.as("current"),
      sql<boolean>`bool_or(evidence.valid_until is null)`.as("never_expires"),
      sql<Date | null>`max(evidence.valid_until)`.as("latest"),
    ])
    .where("evidence_links.org_id", "=", orgId)
    .where("evidence.org_id", "=", orgId)
    .where("evidence_links.target_type", "=", "control")
    .where("evidence_links.archived_at", "is", null)
    .where("evidence.archived_at", "is", null)
    .groupBy("evidence_links.target_id");
  if (controlIds !== null) query = query.where("evidence_links.target_id", "in", [...controlIds]);
  const byControl = new Map<string, ControlEvidence>();
  for (const row of await query.execute()) {
    if (!row.target_id) continue;
    byControl.set(row.target_id, {
      state: row.current ? "current" : "expired",
      refs: [...row.refs].sort(compareRefs),
      latestValidUntil: row.never_expires || row.latest === null ? null : new Date(row.latest),
    });
  }
  return byControl;
}

/**
 * A condition on `controls.id` matching controls whose evidence is in `state` at `now`, for list
 * filters; it agrees with `loadControlEvidence`.
 */
export function controlEvidenceStateIs(state: EvidenceState, now: Date): Expression<SqlBool> {
  const live = sql`select 1 from evidence_links l join evidence e on e.id = l.evidence_id
    where l.target_type = 'control' and l.target_id = controls.id and l.org_id = controls.org_id
      and e.org_id = controls.org_id and l.archived_at is null and e.archived_at is null`;
  const valid = sql`${live} and ${evidenceCurrentAt("e", now)}`;
  if (state === "missing") return sql<SqlBool>`not exists (${live})`;
  if (state === "current") return sql<SqlBool>`exists (${valid})`;
  return sql<SqlBool>`(exists (${live}) and not exists (${valid}))`;
}
