import { randomUUID } from "node:crypto";
import type { LifecycleStage, Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findSystem } from "../inventory/index.js";
import { gatedStages } from "./gate-checklists.js";
import { actorLabel } from "./gate-handlers.js";
import { presentSignOff } from "./gate-records.js";

/**
 * Signs a system off for a stage in the signer's own role; a checklist's sign-off check counts it
 * until the system next changes materially.
 */
export const signOffGate: Handler<Routes["signOffGate"]> = async ({ tx, org, actor, input, audit }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId);
  if (system.archived_at)
    throw new AppError("illegal_transition", "This AI system is archived; it cannot be signed off.");
  const stage = input.body.stage as LifecycleStage;
  if (!gatedStages.includes(stage))
    throw new AppError("illegal_transition", `No gate leads into ${stage}: sign off for ${gatedStages.join(", ")}.`);
  const id = randomUUID();
  await tx
    .insertInto("gate_sign_offs")
    .values({
      id,
      org_id: org.orgId,
      system_id: system.id,
      stage,
      role: org.role,
      member_id: org.membershipId,
      signer_label: actorLabel(actor),
      note: input.body.note,
    })
    .execute();
  await audit({
    action: "gate.signed_off",
    entityType: "ai_system",
    entityId: system.id,
    changes: {
      stage: { before: null, after: stage },
      role: { before: null, after: org.role },
      note: { before: null, after: input.body.note },
      signOffId: { before: null, after: id },
    },
  });
  const row = await tx.selectFrom("gate_sign_offs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  return presentSignOff(row);
};
