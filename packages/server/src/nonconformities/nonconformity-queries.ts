import type {
  CorrectiveAction,
  CorrectiveActionStatus,
  EffectivenessCheck,
  Nonconformity,
  NonconformityDetail,
  RedteamSeverity,
  RootCauseMethod,
} from "@openaims/contracts";
import { missingBeforeClosing, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";
import { loadSourceRefs } from "./source-records.js";

export function nonconformityQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("nonconformities as nc")
    .leftJoin("ai_systems as sys", "sys.id", "nc.system_id")
    .leftJoin("memberships as m", "m.id", "nc.raised_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("nc")
    .select(["sys.slug as system_slug", "sys.name as system_name", "u.name as raised_by_name"])
    .where("nc.org_id", "=", orgId);
}

export type NonconformityRow = Awaited<ReturnType<ReturnType<typeof nonconformityQuery>["executeTakeFirstOrThrow"]>>;

export function presentNonconformity(row: NonconformityRow, sourceRefs: Map<string, string>): Nonconformity {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    source: row.source as Nonconformity["source"],
    sourceId: row.source_id,
    sourceRef: row.source_id ? (sourceRefs.get(row.source_id) ?? null) : null,
    system:
      row.system_id && row.system_slug && row.system_name
        ? { id: row.system_id, slug: row.system_slug, name: row.system_name }
        : null,
    severity: row.severity as Nonconformity["severity"],
    redteamSeverity: row.redteam_severity as RedteamSeverity | null,
    status: row.status as Nonconformity["status"],
    raisedBy:
      row.raised_by_member_id && row.raised_by_name
        ? { memberId: row.raised_by_member_id, name: row.raised_by_name }
        : null,
    closedAt: row.closed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function correctiveActionQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("corrective_actions as a")
    .leftJoin("memberships as m", "m.id", "a.owner_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("a")
    .select("u.name as owner_name")
    .where("a.org_id", "=", orgId);
}

type ActionRow = Awaited<ReturnType<ReturnType<typeof correctiveActionQuery>["executeTakeFirstOrThrow"]>>;

export function presentCorrectiveAction(row: ActionRow, today = todayUtc()): CorrectiveAction {
  const status = row.status as CorrectiveActionStatus;
  return {
    id: row.id,
    nonconformityId: row.nonconformity_id,
    title: row.title,
    owner: row.owner_member_id && row.owner_name ? { memberId: row.owner_member_id, name: row.owner_name } : null,
    dueDate: row.due_date,
    status,
    doneAt: row.done_at?.toISOString() ?? null,
    overdue: (status === "open" || status === "in_progress") && row.due_date !== null && row.due_date < today,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The statuses of the corrective actions planned since the last not-effective check (the current round). */
export async function currentRoundActions(
  db: Kysely<Database>,
  orgId: string,
  nonconformityId: string,
): Promise<CorrectiveActionStatus[]> {
  const lastFailed = await db
    .selectFrom("effectiveness_checks")
    .select("created_at")
    .where("org_id", "=", orgId)
    .where("nonconformity_id", "=", nonconformityId)
    .where("result", "=", "not_effective")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  let query = db
    .selectFrom("corrective_actions")
    .select("status")
    .where("org_id", "=", orgId)
    .where("nonconformity_id", "=", nonconformityId);
  if (lastFailed) query = query.where("created_at", ">", lastFailed.created_at);
  return (await query.execute()).map((row) => row.status as CorrectiveActionStatus);
}

/** A nonconformity with everything its page shows; another organisation's answers 404. */
export async function loadNonconformityDetail(
  db: Kysely<Database>,
  orgId: string,
  id: string,
): Promise<NonconformityDetail> {
  const row = await nonconformityQuery(db, orgId).where("nc.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Nonconformity", id);
  const [actions, checks, round, refs] = await Promise.all([
    correctiveActionQuery(db, orgId)
      .where("a.nonconformity_id", "=", id)
      .orderBy("a.created_at")
      .orderBy("a.id")
      .execute(),
    db
      .selectFrom("effectiveness_checks as c")
      .leftJoin("memberships as m", "m.id", "c.checked_by_member_id")
      .leftJoin("users as u", "u.id", "m.user_id")
      .selectAll("c")
      .select("u.name as checked_by_name")
      .where("c.org_id", "=", orgId)
      .where("c.nonconformity_id", "=", id)
      .orderBy("c.created_at", "desc")
      .execute(),
    currentRoundActions(db, orgId, id),
    loadSourceRefs(db, orgId, [{ source: row.source, sourceId: row.source_id }]),
  ]);
  const today = todayUtc();
  return {
    ...presentNonconformity(row, refs),
    correction: row.correction,
    rootCause: row.root_cause,
    rootCauseMethod: row.root_cause_method as RootCauseMethod | null,
    actions: actions.map((action) => presentCorrectiveAction(action, today)),
    checks: checks.map(
      (check): EffectivenessCheck => ({
        id: check.id,
        checkedOn: check.checked_on,
        method: check.method,
        result: check.result as EffectivenessCheck["result"],
        notes: check.notes,
        checkedBy:
          check.checked_by_member_id && check.checked_by_name
            ? { memberId: check.checked_by_member_id, name: check.checked_by_name }
            : null,
        createdAt: check.created_at.toISOString(),
      }),
    ),
    missing: missingBeforeClosing(row.status as Nonconformity["status"], round),
  };
}

/** Locks a nonconformity for a change; 404 in another organisation, 409 when the sent version is stale. */
export async function lockNonconformity(db: Kysely<Database>, orgId: string, id: string, version?: number) {
  const row = await db
    .selectFrom("nonconformities")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Nonconformity", id);
  if (version !== undefined && row.version !== version) throw staleVersion("nonconformity", row.version, version);
  return row;
}
