import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { assertLive, controlQuery, findControl, findRisk } from "./control-queries.js";
import { loadControl, presentControls } from "./present-control.js";

export const linkControlRisk: Handler<Routes["linkControlRisk"]> = async ({ tx, org, input, audit }) => {
  const control = await findControl(tx, org.orgId, input.params.controlId, true);
  assertLive(control);
  const risk = await findRisk(tx, org.orgId, input.body.riskId);
  if (risk.archived_at) throw new AppError("illegal_transition", `Risk ${risk.ref} is archived; it cannot be linked.`);
  const existing = await tx
    .selectFrom("control_risks")
    .select("id")
    .where("org_id", "=", org.orgId)
    .where("control_id", "=", control.id)
    .where("risk_id", "=", risk.id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (existing) throw new AppError("conflict", `Control ${control.ref} already treats risk ${risk.ref}.`);
  const id = randomUUID();
  await tx
    .insertInto("control_risks")
    .values({ id, org_id: org.orgId, control_id: control.id, risk_id: risk.id })
    .execute();
  await audit({
    action: "control.risk_linked",
    entityType: "control",
    entityId: control.id,
    changes: { risk: { before: null, after: risk.ref }, linkId: { before: null, after: id } },
  });
  return loadControl(tx, org.orgId, control.id);
};

export const unlinkControlRisk: Handler<Routes["unlinkControlRisk"]> = async ({ tx, org, input, audit }) => {
  const control = await findControl(tx, org.orgId, input.params.controlId, true);
  assertLive(control);
  const risk = await findRisk(tx, org.orgId, input.params.riskId);
  const link = await tx
    .selectFrom("control_risks")
    .select("id")
    .where("org_id", "=", org.orgId)
    .where("control_id", "=", control.id)
    .where("risk_id", "=", risk.id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!link) throw new AppError("not_found", `Control ${control.ref} does not treat risk ${risk.ref}.`);
  await tx.updateTable("control_risks").set({ archived_at: new Date() }).where("id", "=", link.id).execute();
  await audit({
    action: "control.risk_unlinked",
    entityType: "control",
    entityId: control.id,
    changes: { risk: { before: risk.ref, after: null }, linkId: { before: link.id, after: null } },
  });
  return loadControl(tx, org.orgId, control.id);
};

export const listRiskControls: Handler<Routes["listRiskControls"]> = async ({ tx, org, input }) => {
  const risk = await findRisk(tx, org.orgId, input.params.riskId);
  const rows = await controlQuery(tx, org.orgId)
    .where("controls.archived_at", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("control_risks")
          .select("control_risks.id")
          .whereRef("control_risks.control_id", "=", "controls.id")
          .where("control_risks.risk_id", "=", risk.id)
          .where("control_risks.archived_at", "is", null),
      ),
    )
    .orderBy("controls.position")
    .orderBy("controls.id")
    .execute();
  return { items: await presentControls(tx, org.orgId, rows) };
};
