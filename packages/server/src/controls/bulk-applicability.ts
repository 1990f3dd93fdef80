import type { Routes } from "@openaims/contracts";
import { bulkStoredOverrideReason, checkBulkApplicability, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { type ControlRow, controlQuery, loadLinkedRisks } from "./control-queries.js";
import { fieldError } from "./field-error.js";
import { presentControls } from "./present-control.js";

/**
 * The listed controls of the organisation by id; a missing or foreign id is "not found". Locked in
 * id order, so two bulk edits over overlapping controls wait for each other instead of deadlocking.
 */
async function findControls(
  db: Kysely<Database>,
  orgId: string,
  ids: readonly string[],
  forUpdate: boolean,
): Promise<Map<string, ControlRow>> {
  let query = controlQuery(db, orgId)
    .where("controls.id", "in", [...ids])
    .orderBy("controls.id");
  if (forUpdate) query = query.forUpdate(["controls"]);
  const rows = await query.execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing) throw notFound("Control", missing);
  return byId;
}

/**
 * Marks many controls applicable or not applicable in one transaction: every control is checked
 * (found, live, at the version sent) before any changes, and each one changed gets its own audit entry.
 */
export const decideControlsApplicability: Handler<Routes["decideControlsApplicability"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { items, applicable, justification } = input.body;
  const overrideReason = input.body.overrideReason?.trim() || null;
  const ids = items.map((item) => item.controlId);
  const rows = await findControls(tx, org.orgId, ids, true);
  const ordered = items.map((item) => ({ sent: item.version, row: rows.get(item.controlId) as ControlRow }));

  const archived = ordered.filter(({ row }) => row.archived_at !== null).map(({ row }) => row.ref);
  if (archived.length > 0)
    throw new AppError("illegal_transition", `Archived controls can no longer change: ${archived.join(", ")}.`, {
      refs: archived,
    });
  const stale = ordered.filter(({ sent, row }) => sent !== row.version);
  if (stale.length > 0)
    throw new AppError(
      "version_conflict",
      `These controls were changed by someone else since you loaded them: ${stale.map(({ row }) => row.ref).join(", ")}. Reload the list and try again.`,
      { stale: stale.map(({ row }) => ({ controlId: row.id, ref: row.ref, currentVersion: row.version })) },
    );

  const risks = await loadLinkedRisks(tx, org.orgId, [...rows.keys()]);
  const targets = ordered.map(({ row }) => ({
    row,
    target: {
      ref: row.ref,
      applicable: row.applicable,
      overrideReason: row.override_reason,
      openRiskRefs: (risks.get(row.id) ?? []).filter((risk) => risk.open).map((risk) => risk.ref),
    },
  }));
  const decision = { applicable, justification, overrideReason };
  const refusal = checkBulkApplicability(
    decision,
    targets.map(({ target }) => target),
  );
  if (refusal?.kind === "justification_required") throw fieldError("body.justification", refusal.message);
  if (refusal?.kind === "override_required")
    throw new AppError("illegal_transition", refusal.message, { blocked: refusal.blocked });

  const now = new Date();
  const changedRefs: string[] = [];
  for (const { row, target } of targets) {
    const before = {
      applicable: row.applicable,
      justification: row.justification,
      override_reason: row.override_reason,
    };
    const after = { applicable, justification, override_reason: bulkStoredOverrideReason(target, decision) };
    const changes = diffChanges(before, after);
    if (Object.keys(changes).length === 0) continue;
    await tx
      .updateTable("controls")
      .set({ ...after, version: row.version + 1, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "control.updated", entityType: "control", entityId: row.id, changes });
    changedRefs.push(row.ref);
  }

  const fresh = await findControls(tx, org.orgId, ids, false);
  const presented = await presentControls(
    tx,
    org.orgId,
    items.map((item) => fresh.get(item.controlId) as ControlRow),
    now,
  );
  return { items: presented, changedRefs };
};
