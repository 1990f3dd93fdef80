import type { RiskStatus, Routes, TreatmentOption } from "@openaims/contracts";
import {
  checkRiskLevels,
  checkRiskStatusChange,
  diffChanges,
  type RiskStatusRefusal,
  rateRiskLevels,
} from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "./field-errors.js";
import { insertRisk } from "./insert-risk.js";
import { loadRiskDetail } from "./risk-detail.js";
import { loadRiskMethod } from "./risk-method-queries.js";
import { auditableRisk, findRisk, lockRisk, presentRisk, type RiskRecord } from "./risk-queries.js";
import { checkRiskReferences, type RiskReferences } from "./risk-references.js";

export const getRisk: Handler<Routes["getRisk"]> = async ({ tx, org, input }) =>
  loadRiskDetail(tx, org.orgId, input.params.riskId);

export const createRisk: Handler<Routes["createRisk"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const problems = await checkRiskReferences(tx, org.orgId, body);
  if (problems.length > 0) throw invalidBody(problems);
  const { method } = await loadRiskMethod(tx, org.orgId);
  const row = await insertRisk(
    tx,
    org.orgId,
    method,
    {
      ...body,
      levels: {
        inherentLikelihood: body.inherentLikelihood,
        inherentImpact: body.inherentImpact,
        residualLikelihood: body.residualLikelihood,
        residualImpact: body.residualImpact,
      },
    },
    audit,
  );
  return presentRisk(await findRisk(tx, org.orgId, row.id));
};

const statusRefusals: Record<Exclude<RiskStatusRefusal, null>, string> = {
  accept_through_acceptance: "A risk becomes accepted only by recording an acceptance (rationale and expiry date).",
  needs_rating: "Rate the inherent likelihood and impact before marking the risk assessed or in treatment.",
  needs_treatment_option: "Choose a treatment option before marking the risk as in treatment.",
};

/** Refuses changes to an archived risk and edits made to an older version. */
export function checkEditable(risk: RiskRecord, version: number): void {
  if (risk.archived_at)
    throw new AppError("illegal_transition", `Risk ${risk.ref} is archived; archived risks cannot be changed.`);
  if (risk.version !== version) throw staleVersion("risk", risk.version, version);
}

export const updateRisk: Handler<Routes["updateRisk"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const current = await lockRisk(tx, org.orgId, input.params.riskId);
  checkEditable(current, body.version);
  const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  const levels = {
    inherentLikelihood: keep(body.inherentLikelihood, current.inherent_likelihood),
    inherentImpact: keep(body.inherentImpact, current.inherent_impact),
    residualLikelihood: keep(body.residualLikelihood, current.residual_likelihood),
    residualImpact: keep(body.residualImpact, current.residual_impact),
  };
  const changedRefs: RiskReferences = {};
  if (body.systemId !== undefined && body.systemId !== current.system_id) changedRefs.systemId = body.systemId;
  if (body.ownerMemberId !== undefined && body.ownerMemberId !== current.owner_member_id)
    changedRefs.ownerMemberId = body.ownerMemberId;
  if (body.threatId !== undefined && body.threatId !== current.threat_id) changedRefs.threatId = body.threatId;
  if (body.riskSources !== undefined) changedRefs.riskSources = body.riskSources;
  const { method } = await loadRiskMethod(tx, org.orgId);
  const problems = [...(await checkRiskReferences(tx, org.orgId, changedRefs)), ...checkRiskLevels(method, levels)];
  if (problems.length > 0) throw invalidBody(problems);

  const ratings = rateRiskLevels(method, levels);
  const treatmentOption = keep(body.treatmentOption, current.treatment_option as TreatmentOption | null);
  const from = current.status as RiskStatus;
  let status = from;
  if (body.status !== undefined) {
    const refusal = checkRiskStatusChange({
      from,
      to: body.status,
      hasInherentRating: ratings.inherentRating !== null,
      treatmentOption,
    });
    if (refusal) throw new AppError("illegal_transition", statusRefusals[refusal]);
    status = body.status;
  } else if (from === "identified" && ratings.inherentRating !== null) {
    status = "assessed";
  }
  const leavesAcceptance = from === "accepted" && status !== "accepted";
  const next: RiskRecord = {
    ...current,
    title: keep(body.title, current.title),
    description: keep(body.description, current.description),
    system_id: keep(body.systemId, current.system_id),
    threat_id: keep(body.threatId, current.threat_id),
    risk_sources: keep(body.riskSources, current.risk_sources),
    owner_member_id: keep(body.ownerMemberId, current.owner_member_id),
    inherent_likelihood: levels.inherentLikelihood,
    inherent_impact: levels.inherentImpact,
    inherent_rating: ratings.inherentRating,
    treatment_option: treatmentOption,
    residual_likelihood: levels.residualLikelihood,
    residual_impact: levels.residualImpact,
    residual_rating: ratings.residualRating,
    rating_rank: ratings.ratingRank,
    status,
    review_date: keep(body.reviewDate, current.review_date),
    accepted_until: leavesAcceptance ? null : current.accepted_until,
  };
  const changes = diffChanges(auditableRisk(current), auditableRisk(next));
  if (Object.keys(changes).length === 0) return presentRisk(await findRisk(tx, org.orgId, current.id));
  if (leavesAcceptance) {
    await tx
      .updateTable("risk_acceptances")
      .set({ withdrawn_at: new Date() })
      .where("org_id", "=", org.orgId)
      .where("risk_id", "=", current.id)
      .where("withdrawn_at", "is", null)
      .execute();
  }
  await tx
    .updateTable("risks")
    .set({
      title: next.title,
      description: next.description,
      system_id: next.system_id,
      threat_id: next.threat_id,
      risk_sources: JSON.stringify(next.risk_sources),
      owner_member_id: next.owner_member_id,
      inherent_likelihood: next.inherent_likelihood,
      inherent_impact: next.inherent_impact,
      inherent_rating: next.inherent_rating,
      treatment_option: next.treatment_option,
      residual_likelihood: next.residual_likelihood,
      residual_impact: next.residual_impact,
      residual_rating: next.residual_rating,
      rating_rank: next.rating_rank,
      status: next.status,
      review_date: next.review_date,
      accepted_until: next.accepted_until,
      version: current.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", current.id)
    .execute();
  await audit({ action: "risk.updated", entityType: "risk", entityId: current.id, changes });
  return presentRisk(await findRisk(tx, org.orgId, current.id));
};

export const archiveRisk: Handler<Routes["archiveRisk"]> = async ({ tx, org, input, audit }) => {
  const current = await lockRisk(tx, org.orgId, input.params.riskId);
  checkEditable(current, input.body.version);
  const now = new Date();
  await tx
    .updateTable("risks")
    .set({ archived_at: now, archive_reason: input.body.reason, version: current.version + 1, updated_at: now })
    .where("id", "=", current.id)
    .execute();
  await audit({
    action: "risk.archived",
    entityType: "risk",
    entityId: current.id,
    changes: { archived: { before: false, after: true }, archiveReason: { before: null, after: input.body.reason } },
  });
  return presentRisk(await findRisk(tx, org.orgId, current.id));
};
