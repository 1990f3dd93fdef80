import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";

/**
 * An alert rule's second act: asks for the metric's chosen risk to be reviewed again, as a material
 * change does. The risk's next review clears the request.
 */
export async function flagRiskForReview(
  tx: Kysely<Database>,
  orgId: string,
  riskId: string,
  because: string,
  requestId: string | null,
): Promise<void> {
  const now = new Date();
  const risk = await tx
    .updateTable("risks")
    .set({ rereview_requested_at: now })
    .where("org_id", "=", orgId)
    .where("id", "=", riskId)
    .where("archived_at", "is", null)
    .returning(["id", "ref"])
    .executeTakeFirst();
  if (!risk) return;
  await appendAuditEntry(tx, {
    orgId,
    actor: systemActor("monitoring"),
    requestId,
    action: "risk.rereview_requested",
    entityType: "risk",
    entityId: risk.id,
    changes: {
      rereviewRequestedAt: { before: null, after: now.toISOString() },
      because: { before: null, after: because },
    },
  });
}
