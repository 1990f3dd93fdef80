import type { LinkedRisk } from "@openaims/contracts";
import { compareRefs } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { AppError, notFound } from "../http/app-error.js";

/** Controls of one organisation with their owner's name. */
export function controlQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("controls")
    .leftJoin("memberships", (join) =>
      join.onRef("memberships.id", "=", "controls.owner_member_id").on("memberships.org_id", "=", orgId),
    )
    .leftJoin("users", "users.id", "memberships.user_id")
    .selectAll("controls")
    .select("users.name as owner_name")
    .where("controls.org_id", "=", orgId);
}

export type ControlRow = Awaited<ReturnType<ReturnType<typeof controlQuery>["executeTakeFirstOrThrow"]>>;

/** One control of the organisation; a missing or foreign id is "not found". */
export async function findControl(
  db: Kysely<Database>,
  orgId: string,
  controlId: string,
  forUpdate = false,
): Promise<ControlRow> {
  let query = controlQuery(db, orgId).where("controls.id", "=", controlId);
  if (forUpdate) query = query.forUpdate(["controls"]);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Control", controlId);
  return row;
}

/** Refuses changes to an archived control. */
export function assertLive(row: ControlRow): void {
  if (row.archived_at)
    throw new AppError("illegal_transition", `Control ${row.ref} is archived and can no longer change.`);
}

/** A risk of the organisation, for linking; a missing or foreign id is "not found". */
export async function findRisk(db: Kysely<Database>, orgId: string, riskId: string) {
  const row = await db
    .selectFrom("risks")
    .select(["id", "ref", "title", "status", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", riskId)
    .executeTakeFirst();
  if (!row) throw notFound("Risk", riskId);
  return row;
}

/** An active member of the organisation who can own a control; otherwise "not found". */
export async function findOwnerMember(db: Kysely<Database>, orgId: string, memberId: string): Promise<void> {
  const row = await db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", memberId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("Member", memberId);
}

/** The live risks each control treats, by control id, in ref order. */
export async function loadLinkedRisks(
  db: Kysely<Database>,
  orgId: string,
  controlIds: readonly string[] | null,
): Promise<Map<string, LinkedRisk[]>> {
  if (controlIds !== null && controlIds.length === 0) return new Map();
  let query = db
    .selectFrom("control_risks")
    .innerJoin("risks", "risks.id", "control_risks.risk_id")
    .select([
      "control_risks.control_id",
      "risks.id",
      "risks.ref",
      "risks.title",
      "risks.status",
      "risks.residual_rating",
      "risks.archived_at",
    ])
    .where("control_risks.org_id", "=", orgId)
    .where("risks.org_id", "=", orgId)
    .where("control_risks.archived_at", "is", null)
    .where("risks.archived_at", "is", null);
  if (controlIds !== null) query = query.where("control_risks.control_id", "in", [...controlIds]);
  const byControl = new Map<string, LinkedRisk[]>();
  for (const row of await query.execute()) {
    const risks = byControl.get(row.control_id) ?? [];
    risks.push({
      id: row.id,
      ref: row.ref,
      title: row.title,
      status: row.status as LinkedRisk["status"],
      residualRating: row.residual_rating as LinkedRisk["residualRating"],
      open: row.status !== "closed" && row.archived_at === null,
    });
    byControl.set(row.control_id, risks);
  }
  for (const risks of byControl.values()) risks.sort((a, b) => compareRefs(a.ref, b.ref));
  return byControl;
}

/**
 * For every control of an organisation, the refs of the live risks it treats and whether each is
 * open — what the SoA needs, folded per control in SQL so thousands of links stay cheap.
 */
export async function loadRiskRefsByControl(
  db: Kysely<Database>,
  orgId: string,
): Promise<Map<string, { ref: string; open: boolean }[]>> {
  const rows = await db
    .selectFrom("control_risks")
    .innerJoin("risks", "risks.id", "control_risks.risk_id")
    .select([
      "control_risks.control_id",
      sql<[string, boolean][]>`json_agg(json_build_array(risks.ref, risks.status <> 'closed'))`.as("risks"),
    ])
    .where("control_risks.org_id", "=", orgId)
    .where("risks.org_id", "=", orgId)
    .where("control_risks.archived_at", "is", null)
    .where("risks.archived_at", "is", null)
    .groupBy("control_risks.control_id")
    .execute();
  return new Map(
    rows.map((row) => [
      row.control_id,
      row.risks.map(([ref, open]) => ({ ref, open })).sort((a, b) => compareRefs(a.ref, b.ref)),
    ]),
  );
}
