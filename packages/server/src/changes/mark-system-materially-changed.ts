import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { findSystemImpactStatus } from "../impact-assessments/system-impact-statuses.js";

/**
 * Moves the system's `material_changed_at` to `at`, inside the caller's transaction, with an audit
 * entry naming the change. The system's approved impact assessment thereby becomes stale (its
 * `system_material_at` is earlier) and the release gate fails until it is assessed again. Returns
 * the approved assessment this made stale, if the system had one.
 *
 * The inventory's own edits set the same column for a change of a material field; this is the
 * other way in, for a change recorded through change control.
 */
export async function markSystemMateriallyChanged(
  tx: Kysely<Database>,
  orgId: string,
  system: { id: string; material_changed_at: Date },
  change: { id: string; ref: string },
  at: Date,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<{ id: string; ref: string } | null> {
  const before = await findSystemImpactStatus(tx, orgId, system.id);
  await tx
    .updateTable("ai_systems")
    .set({ material_changed_at: at })
    .where("org_id", "=", orgId)
    .where("id", "=", system.id)
    .execute();
  await audit({
    action: "system.materially_changed",
    entityType: "ai_system",
    entityId: system.id,
    changes: {
      materialChangedAt: { before: system.material_changed_at.toISOString(), after: at.toISOString() },
      change: { before: null, after: { id: change.id, ref: change.ref } },
    },
  });
  return before?.approved ? { id: before.approved.id, ref: before.approved.ref } : null;
}
