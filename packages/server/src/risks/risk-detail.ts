import type {
  RiskAcceptance,
  RiskDetail,
  RiskRating,
  TreatmentAction,
  TreatmentActionStatus,
} from "@openaims/contracts";
import { acceptanceExpired, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { findRisk, presentRisk } from "./risk-queries.js";

/** Treatment actions with their owner's name. */
export function actionQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("risk_treatment_actions as a")
    .leftJoin("memberships as owner", "owner.id", "a.owner_member_id")
    .leftJoin("users as owner_user", "owner_user.id", "owner.user_id")
    .selectAll("a")
    .select("owner_user.name as owner_name")
    .where("a.org_id", "=", orgId);
}

export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>["executeTakeFirstOrThrow"]>>;

export function presentAction(row: ActionRow, today = todayUtc()): TreatmentAction {
  const status = row.status as TreatmentActionStatus;
  return {
    id: row.id,
    riskId: row.risk_id,
    title: row.title,
    owner: row.owner_member_id ? { memberId: row.owner_member_id, name: row.owner_name ?? "" } : null,
    dueDate: row.due_date,
    status,
    overdue: (status === "open" || status === "in_progress") && row.due_date !== null && row.due_date < today,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A risk with its treatment actions (by due date) and acceptances (newest first). */
export async function loadRiskDetail(db: Kysely<Database>, orgId: string, riskId: string): Promise<RiskDetail> {
  const today = todayUtc();
  const risk = presentRisk(await findRisk(db, orgId, riskId), today);
  const actions = await actionQuery(db, orgId)
    .where("a.risk_id", "=", riskId)
    .orderBy("a.due_date", "asc")
    .orderBy("a.created_at", "asc")
    .execute();
  const acceptances = await db
    .selectFrom("risk_acceptances")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("risk_id", "=", riskId)
    .orderBy("created_at", "desc")
    .execute();
  return {
    ...risk,
    actions: actions.map((row) => presentAction(row, today)),
    acceptances: acceptances.map(
      (row): RiskAcceptance => ({
        id: row.id,
        rating: row.rating as RiskRating,
        rationale: row.rationale,
        approver: { memberId: row.approver_member_id, name: row.approver_label },
        acceptedAt: row.created_at.toISOString(),
        expiresOn: row.expires_on,
        state: row.withdrawn_at ? "withdrawn" : acceptanceExpired(row.expires_on, today) ? "expired" : "active",
      }),
    ),
  };
}
