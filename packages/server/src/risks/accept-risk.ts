import { randomUUID } from "node:crypto";
import type { RiskRating, Routes } from "@openaims/contracts";
import { acceptanceLimit, mayAcceptRating, todayUtc } from "@openaims/core";
import { refuseSelfApproval } from "../approvals/index.js";
import { AppError, forbidden } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "./field-errors.js";
import { loadRiskDetail } from "./risk-detail.js";
import { checkEditable } from "./risk-handlers.js";
import { loadRiskMethod } from "./risk-method-queries.js";
import { lockRisk } from "./risk-queries.js";

/** An acceptance is a decision to revisit: it may run for at most this many years. */
const MAX_ACCEPTANCE_YEARS = 3;

/**
 * Signs off the risk's current rating (residual once assessed, else inherent) in the signed-in
 * person's name. The method decides how high a rating each role may accept; beyond that the answer
 * is 403 — the person lacks the authority, however valid the request.
 */
export const acceptRisk: Handler<Routes["acceptRisk"]> = async ({ tx, org, actor, input, audit }) => {
  const { version, rationale, expiresOn } = input.body;
  const today = todayUtc();
  const latest = new Date(`${today}T00:00:00Z`);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_ACCEPTANCE_YEARS);
  if (expiresOn <= today) throw invalidBody([{ field: "expiresOn", message: "must be after today" }]);
  if (expiresOn > todayUtc(latest))
    throw invalidBody([{ field: "expiresOn", message: `must be within ${MAX_ACCEPTANCE_YEARS} years` }]);
  const risk = await lockRisk(tx, org.orgId, input.params.riskId);
  checkEditable(risk, version);
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "risk_acceptance", id: risk.id },
  );
  if (risk.status === "closed")
    throw new AppError("illegal_transition", `Risk ${risk.ref} is closed; reopen it before accepting it.`);
  const rating = (risk.residual_rating ?? risk.inherent_rating) as RiskRating | null;
  if (rating === null)
    throw new AppError("illegal_transition", `Rate risk ${risk.ref} (likelihood and impact) before accepting it.`);

  const { method } = await loadRiskMethod(tx, org.orgId);
  if (!mayAcceptRating(method, org.role, rating)) {
    const limit = acceptanceLimit(method, org.role);
    throw forbidden(
      limit === null
        ? `The risk method does not let your role (${org.role}) accept risks. Ask someone whose role may accept ${rating} risks.`
        : `The risk method lets your role (${org.role}) accept risks rated up to ${limit}; ${risk.ref} is rated ${rating}. Ask someone whose role may accept ${rating} risks.`,
    );
  }

  const now = new Date();
  await tx
    .updateTable("risk_acceptances")
    .set({ withdrawn_at: now })
    .where("org_id", "=", org.orgId)
    .where("risk_id", "=", risk.id)
    .where("withdrawn_at", "is", null)
    .execute();
  const acceptanceId = randomUUID();
  await tx
    .insertInto("risk_acceptances")
    .values({
      id: acceptanceId,
      org_id: org.orgId,
      risk_id: risk.id,
      rating,
      rationale,
      approver_member_id: org.membershipId,
      approver_label: `${actor.name} <${actor.email}>`,
      expires_on: expiresOn,
    })
    .execute();
  await tx
    .updateTable("risks")
    .set({ status: "accepted", accepted_until: expiresOn, version: risk.version + 1, updated_at: now })
    .where("id", "=", risk.id)
    .execute();
  await audit({
    action: "risk.accepted",
    entityType: "risk",
    entityId: risk.id,
    changes: {
      status: { before: risk.status, after: "accepted" },
      acceptedUntil: { before: risk.accepted_until, after: expiresOn },
      acceptedRating: { before: null, after: rating },
      rationale: { before: null, after: rationale },
      acceptanceId: { before: null, after: acceptanceId },
    },
  });
  return loadRiskDetail(tx, org.orgId, risk.id);
};
