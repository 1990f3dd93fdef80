import type { Risk, RiskRating, RiskStatus, TreatmentOption } from "@openaims/contracts";
import { acceptanceExpired, riskNeedsTreatment, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { notFound } from "../http/app-error.js";

export type RiskRecord = Selectable<Database["risks"]>;

/**
 * Risks of one organisation with what a reader needs beside them: the system's name, the owner's
 * name, and the method's threshold for "needs treatment". One query, so a register page is one query.
 */
export function riskQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("risks")
    .innerJoin("risk_methods", "risk_methods.org_id", "risks.org_id")
    .leftJoin("ai_systems", "ai_systems.id", "risks.system_id")
    .leftJoin("memberships as owner", "owner.id", "risks.owner_member_id")
    .leftJoin("users as owner_user", "owner_user.id", "owner.user_id")
    .selectAll("risks")
    .select([
      "ai_systems.name as system_name",
      "owner_user.name as owner_name",
      "risk_methods.acceptable_without_treatment as method_acceptable",
      // Actions not cancelled: with a chosen option they mean the risk is being treated.
      (eb) =>
        eb
          .selectFrom("risk_treatment_actions")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .whereRef("risk_treatment_actions.risk_id", "=", "risks.id")
          .where("risk_treatment_actions.status", "!=", "cancelled")
          .as("live_treatment_actions"),
    ])
    .where("risks.org_id", "=", orgId);
}

export type RiskRow = Awaited<ReturnType<ReturnType<typeof riskQuery>["executeTakeFirstOrThrow"]>>;

export function presentRisk(row: RiskRow, today = todayUtc()): Risk {
  const inherentRating = row.inherent_rating as RiskRating | null;
  const residualRating = row.residual_rating as RiskRating | null;
  const currentRating = residualRating ?? inherentRating;
  const status = row.status as RiskStatus;
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    system: row.system_id ? { id: row.system_id, name: row.system_name ?? "" } : null,
    threatId: row.threat_id,
    riskSources: row.risk_sources,
    owner: row.owner_member_id ? { memberId: row.owner_member_id, name: row.owner_name ?? "" } : null,
    inherentLikelihood: row.inherent_likelihood,
    inherentImpact: row.inherent_impact,
    inherentRating,
    treatmentOption: row.treatment_option as TreatmentOption | null,
    residualLikelihood: row.residual_likelihood,
    residualImpact: row.residual_impact,
    residualRating,
    currentRating,
    needsTreatment: riskNeedsTreatment({
      status,
      currentRating,
      acceptableWithoutTreatment: row.method_acceptable as RiskRating,
      treatmentOption: row.treatment_option as TreatmentOption | null,
      liveTreatmentActions: Number(row.live_treatment_actions ?? 0),
    }),
    status,
    reviewDate: row.review_date,
    reviewedAt: (row.reviewed_at ?? row.created_at).toISOString(),
    rereviewRequestedAt: row.rereview_requested_at?.toISOString() ?? null,
    needsReview: row.rereview_requested_at !== null,
    acceptedUntil: row.accepted_until,
    acceptanceExpired: row.accepted_until !== null && acceptanceExpired(row.accepted_until, today),
    archivedAt: row.archived_at?.toISOString() ?? null,
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** One risk with its presentation columns; 404 naming the id when it is not in this organisation. */
export async function findRisk(db: Kysely<Database>, orgId: string, riskId: string): Promise<RiskRow> {
  const row = await riskQuery(db, orgId).where("risks.id", "=", riskId).executeTakeFirst();
  if (!row) throw notFound("Risk", riskId);
  return row;
}

/** The risk's own row, locked until the transaction ends; 404 when it is not in this organisation. */
export async function lockRisk(tx: Kysely<Database>, orgId: string, riskId: string): Promise<RiskRecord> {
  const row = await tx
    .selectFrom("risks")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", riskId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Risk", riskId);
  return row;
}

/** The fields of a risk the audit trail compares, in the names the API uses. */
export function auditableRisk(row: RiskRecord): Record<string, unknown> {
  return {
    title: row.title,
    description: row.description,
    systemId: row.system_id,
    threatId: row.threat_id,
    riskSources: row.risk_sources,
    ownerMemberId: row.owner_member_id,
    inherentLikelihood: row.inherent_likelihood,
    inherentImpact: row.inherent_impact,
    inherentRating: row.inherent_rating,
    treatmentOption: row.treatment_option,
    residualLikelihood: row.residual_likelihood,
    residualImpact: row.residual_impact,
    residualRating: row.residual_rating,
    status: row.status,
    reviewDate: row.review_date,
    acceptedUntil: row.accepted_until,
  };
}
