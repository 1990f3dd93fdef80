import type { RiskMethodBody, Routes } from "@openaims/contracts";
import { diffChanges, validateRiskMethod } from "@openaims/core";
import { staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "./field-errors.js";
import { applyRerating, previewRerating } from "./rerate-risks.js";
import { loadRiskMethod, methodColumns, presentRiskMethod } from "./risk-method-queries.js";

function checkMethod(method: RiskMethodBody): void {
  const problems = validateRiskMethod(method);
  if (problems.length > 0) throw invalidBody(problems);
}

export const getRiskMethod: Handler<Routes["getRiskMethod"]> = async ({ tx, org }) =>
  presentRiskMethod((await loadRiskMethod(tx, org.orgId)).row);

export const previewRiskMethod: Handler<Routes["previewRiskMethod"]> = async ({ tx, org, input }) => {
  checkMethod(input.body);
  const { method } = await loadRiskMethod(tx, org.orgId);
  return previewRerating(tx, org.orgId, method, input.body);
};

/**
 * Saves a new method and re-rates the whole register with it in the same transaction, so no risk
 * is ever rated by a method that is no longer in force.
 */
export const updateRiskMethod: Handler<Routes["updateRiskMethod"]> = async ({ tx, org, input, audit }) => {
  const { version, ...next } = input.body;
  checkMethod(next);
  const { row, method: current } = await loadRiskMethod(tx, org.orgId, true);
  if (row.version !== version) throw staleVersion("risk method", row.version, version);
  const changes = diffChanges({ ...current }, { ...next });
  if (Object.keys(changes).length === 0) return presentRiskMethod(row);
  const counts = await applyRerating(tx, org.orgId, current, next, audit);
  const updated = await tx
    .updateTable("risk_methods")
    .set({ ...methodColumns(next), version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: "risk_method.updated",
    entityType: "risk_method",
    entityId: row.id,
    changes: { ...changes, reratedRisks: { before: null, after: counts.reratedCount } },
  });
  return presentRiskMethod(updated);
};
