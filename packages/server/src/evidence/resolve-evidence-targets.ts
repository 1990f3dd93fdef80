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
  /** The control, risk, system or asset id; null for a clause. */
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

type RecordType = Exclude<EvidenceTargetType, "clause">;

interface Candidate {
  id: string;
  ref: string;
  title: string;
  archived_at: Date | null;
}

const labels: Record<RecordType, string> = {
  control: "Control",
  risk: "Risk",
  system: "AI system",
  asset: "Asset",
};

/**
 * Rows whose id is among `ids` or whose reference (ref, slug for systems, name for assets) is among `refs`.
 */
function fetchCandidates(
  db: Kysely<Database>,
  orgId: string,
  type: RecordType,
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
  if (type === "asset") {
    return db
      .selectFrom("ai_assets")
      .select(["id", "name as ref", "name as title", "archived_at"])
      .where("org_id", "=", orgId)
      .where((eb) => eb.or([eb("id", "in", idList), eb("name", "in", refList)]))
      .execute();
  }
  return db
    .selectFrom("ai_systems")
    .select(["id", "slug as ref", "name as title", "archived_at"])
    .where("org_id", "=", orgId)
    .where((eb) => eb.or([eb("id", "in", idList), eb("slug", "in", refList)]))
    .execute();
}

/**
 * The row an id or reference names. Assets have no reference of their own, so a name counts only when
 * exactly one asset carries it; a name shared by several (live or archived) is not found.
 */
function findCandidate(rows: Candidate[], type: RecordType, value: string): Candidate | undefined {
  const byId = rows.find((r) => r.id === value.toLowerCase());
  if (byId) return byId;
  const named = rows.filter((r) => r.ref === value);
  if (type === "asset" && named.length > 1) return undefined;
  return named[0];
}

async function resolveRecords(
  db: Kysely<Database>,
  orgId: string,
  type: RecordType,
  wanted: readonly string[],
): Promise<ResolvedTarget[]> {
  if (wanted.length === 0) return [];
  const ids = wanted.filter((value) => isUuid(value)).map((value) => value.toLowerCase());
  const refs = wanted.filter((value) => !isUuid(value));
  const rows = await fetchCandidates(db, orgId, type, ids, refs);
  return wanted.map((value) => {
    const row = findCandidate(rows, type, value);
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
 * catalogue (400 naming the field); controls, risks, systems and assets, by id or reference, must belong
 * to the organisation (404 naming the one that does not; an asset name two assets share is not found).
 * Archived records are refused. Duplicates collapse to one.
 */
export async function resolveEvidenceTargets(
  db: Kysely<Database>,
  orgId: string,
  targets: Omit<EvidenceTargets, "assetIds"> & { assetIds?: readonly string[] },
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
    ...(await resolveRecords(db, orgId, "asset", targets.assetIds ?? [])),
  ];
  const seen = new Set<string>();
  return resolved.filter((target) => {
    const key = `${target.targetType}:${target.targetId ?? target.clauseId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
