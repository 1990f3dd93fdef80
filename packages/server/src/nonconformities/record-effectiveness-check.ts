import { randomUUID } from "node:crypto";
import type { CorrectiveActionStatus, NonconformityStatus, Routes } from "@openaims/contracts";
import { missingBeforeClosing } from "@openaims/core";
import { refuseSelfApproval } from "../approvals/index.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { currentRoundActions, loadNonconformityDetail, lockNonconformity } from "./nonconformity-queries.js";

/**
 * Records whether the corrective actions worked, once every action is finished. Effective closes the
 * nonconformity; not effective reopens it for a new round of actions, and the check stays in its
 * history. Whoever raised the nonconformity may not check it (segregation of duties).
 */
export const recordEffectivenessCheck: Handler<Routes["recordEffectivenessCheck"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
}) => {
  const body = input.body;
  const nc = await lockNonconformity(tx, org.orgId, input.params.nonconformityId, body.version);
  if (nc.status === "closed")
    throw new AppError("illegal_transition", `Nonconformity ${nc.ref} is already closed after an effective check.`);
  if (nc.status !== "awaiting_check") {
    const round: CorrectiveActionStatus[] = await currentRoundActions(tx, org.orgId, nc.id);
    const missing = missingBeforeClosing(nc.status as NonconformityStatus, round).filter(
      (item) => !item.startsWith("an effectiveness check"),
    );
    throw new AppError(
      "illegal_transition",
      `Nonconformity ${nc.ref} is not ready for its effectiveness check: it needs ${missing.join(", and ")}.`,
      { missing },
    );
  }
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "nonconformity_check", id: nc.id },
  );
  const checkId = randomUUID();
  await tx
    .insertInto("effectiveness_checks")
    .values({
      id: checkId,
      org_id: org.orgId,
      nonconformity_id: nc.id,
      checked_on: body.checkedOn,
      method: body.method,
      result: body.result,
      notes: body.notes,
      checked_by_member_id: org.membershipId,
    })
    .execute();
  const now = new Date();
  const status: NonconformityStatus = body.result === "effective" ? "closed" : "open";
  await tx
    .updateTable("nonconformities")
    .set({ status, closed_at: status === "closed" ? now : null, version: nc.version + 1, updated_at: now })
    .where("id", "=", nc.id)
    .execute();
  await audit({
    action: body.result === "effective" ? "nonconformity.closed" : "nonconformity.reopened",
    entityType: "nonconformity",
    entityId: nc.id,
    changes: {
      status: { before: nc.status, after: status },
      effectivenessCheck: {
        before: null,
        after: { id: checkId, checkedOn: body.checkedOn, method: body.method, result: body.result, notes: body.notes },
      },
    },
  });
  return loadNonconformityDetail(tx, org.orgId, nc.id);
};
