import type { Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { checkEditable } from "./risk-handlers.js";
import { findRisk, lockRisk, presentRisk } from "./risk-queries.js";

/**
 * Records that someone looked at the risk again and its assessment still holds (or has just been
 * updated): the review time moves to now and any re-review a material change or a monitoring rule
 * asked for is answered. The release gate reads both.
 */
export const reviewRisk: Handler<Routes["reviewRisk"]> = async ({ tx, org, input, audit }) => {
  const risk = await lockRisk(tx, org.orgId, input.params.riskId);
  checkEditable(risk, input.body.version);
  const now = new Date();
  await tx
    .updateTable("risks")
    .set({ reviewed_at: now, rereview_requested_at: null, version: risk.version + 1, updated_at: now })
    .where("id", "=", risk.id)
    .execute();
  await audit({
    action: "risk.reviewed",
    entityType: "risk",
    entityId: risk.id,
    changes: {
      reviewedAt: { before: risk.reviewed_at?.toISOString() ?? null, after: now.toISOString() },
      rereviewRequestedAt: { before: risk.rereview_requested_at?.toISOString() ?? null, after: null },
      ...(input.body.note ? { note: { before: null, after: input.body.note } } : {}),
    },
  });
  return presentRisk(await findRisk(tx, org.orgId, risk.id));
};
