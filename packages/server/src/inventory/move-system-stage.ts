import type { LifecycleStage } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import type { SystemRow } from "./system-queries.js";

/**
 * Moves a system (locked by the caller) into another lifecycle stage, for the release-gate module
 * once a gate decision allows it; the inventory's own routes refuse forward moves. The audit entry
 * names the decision that allowed the move.
 */
export async function moveSystemStage(
  tx: Kysely<Database>,
  system: SystemRow,
  stage: LifecycleStage,
  decisionId: string,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<void> {
  await tx
    .updateTable("ai_systems")
    .set({ lifecycle_stage: stage, version: system.version + 1, updated_at: new Date() })
    .where("org_id", "=", system.org_id)
    .where("id", "=", system.id)
    .execute();
  await audit({
    action: "system.stage_changed",
    entityType: "ai_system",
    entityId: system.id,
    changes: {
      lifecycleStage: { before: system.lifecycle_stage, after: stage },
      gateDecisionId: { before: null, after: decisionId },
    },
  });
}
