import type { EvidenceTargets, EvidenceTargetType } from "@openaims/contracts";
import { findClause, isAnnexAControlId, isClauseId } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import { invalidField } from "../http/invalid-fields.js";
import { isUuid } from "../records/is-uuid.js";

/** A link target found in the organisation, ready to insert. */
export interface ResolvedTarget {
  targetType: EvidenceTargetType;
  /** The control, risk or system id; null for a clause. */
  targetId: string | null;
  clauseId: string | null;
  ref: string;
  title: string;
}

const ANNEX_A_SHAPE = /^A\.\d/;

/** Where the lists came from, so an error names the field the caller sent. */
export type TargetField = "body" | "query";

function badField(field: string, message: string): AppError {
  return invalidField(field, message);
}

interface Candidate {
  id: string;
  ref: string;
  title: string;
  archived_at: Date | null;
}

const labels: Record<Exclude<EvidenceTargetType, "clause">, string> = {
  control: "Control",
  risk: "Risk",
  system: "AI system",
};

/** Rows whose id is among `ids` or whose reference (ref, or slug for systems) is among `refs`. */
function fetchCandidates(
  db: Kysely<Database>,
  orgId: string,
  type: Exclude<EvidenceTargetType, "clause">,
  ids: string[],
  refs: string[],
): Promise<Candidate[]> {
  // `in ()` is not valid SQL, so an empty list becomes a value no row has.
  const idList = ids.length ? ids : ["00000000-0000-0000-0000-000000000000"];
  const refList = refs.length ? refs : [""];
  if (type === "control") {
    return db
      .selectFrom("controls")
      .select(["id", "ref", "title", "archived_at"])
      .where("org_id", "=", orgId)
      .where((eb) => eb.or([eb("id", "in", idList), eb("ref", "in", refList)]))
      .execute();
  }
  if (type === "risk") {
    return db
      .selectFrom("risks")
      .select(["id", "ref", "title", "archived_at"])
      .where("org_id", "=", orgId)
      .where((eb) => eb.or([eb("id", "in", idList), eb("ref", "in", refList)]))
      .execute();
  }
  return db
    .selectFrom("ai_systems")
    .select(["id", "slug as ref", "name as title", "archived_at"])
    .where("org_id", "=", orgId)
    .where((eb) => eb.or([eb("id", "in", idList), eb("slug", "in", refList)]))
    .execute();
}

async function resolveRecords(
  db: Kysely<Database>,
  orgId: string,
  type: Exclude<EvidenceTargetType, "clause">,
  wanted: readonly string[],
): Promise<ResolvedTarget[]> {
  if (wanted.length === 0) return [];
  const ids = wanted.filter((value) => isUuid(value)).map((value) => value.toLowerCase());
  const refs = wanted.filter((value) => !isUuid(value));
  const rows = await fetchCandidates(db, orgId, type, ids, refs);
  return wanted.map((value) => {
    const row = rows.find((r) => r.id === value.toLowerCase() || r.ref === value);
    if (!row) throw notFound(labels[type], value);
    if (row.archived_at) {
      throw new AppError(
        "illegal_transition",
        `${labels[type]} '${row.ref}' is archived; evidence cannot be linked to it.`,
      );
    }
    return { targetType: type, targetId: row.id, clauseId: null, ref: row.ref, title: row.title };
  });
}

/**
 * Finds every target in the organisation. Clause ids and Annex A control ids are checked against the
 * catalogue (400 naming the field); controls, risks and systems, by id or reference, must belong to
 * the organisation (404 naming the one that does not). Duplicates collapse to one.
 */
export async function resolveEvidenceTargets(
  db: Kysely<Database>,
  orgId: string,
  targets: EvidenceTargets,
  from: TargetField,
): Promise<ResolvedTarget[]> {
  for (const clauseId of targets.clauseIds) {
    if (!isClauseId(clauseId)) throw badField(`${from}.clauseIds`, `'${clauseId}' is not a clause id such as 6.1.2`);
  }
  for (const control of targets.controlIds) {
    if (ANNEX_A_SHAPE.test(control) && !isAnnexAControlId(control)) {
      throw badField(`${from}.controlIds`, `'${control}' is not an Annex A control id`);
    }
  }
  const resolved = [
    ...(await resolveRecords(db, orgId, "control", targets.controlIds)),
    ...targets.clauseIds.map(
      (clauseId): ResolvedTarget => ({
        targetType: "clause",
        targetId: null,
        clauseId,
        ref: clauseId,
        title: findClause(clauseId)?.title ?? "",
      }),
    ),
    ...(await resolveRecords(db, orgId, "risk", targets.riskIds)),
    ...(await resolveRecords(db, orgId, "system", targets.systemIds)),
  ];
  const seen = new Set<string>();
  return resolved.filter((target) => {
    const key = `${target.targetType}:${target.targetId ?? target.clauseId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
