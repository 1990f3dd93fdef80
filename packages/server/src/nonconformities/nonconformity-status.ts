import type { NonconformityStatus } from "@openaims/contracts";
import { nonconformityStatusFor } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { currentRoundActions } from "./nonconformity-queries.js";

/**
 * Moves a locked, unclosed nonconformity to the status its corrective actions call for (open, action
 * planned, awaiting check), with a new version and an audit entry when the status changes.
 */
export async function settleNonconformityStatus(
  tx: Kysely<Database>,
  nonconformity: { id: string; org_id: string; status: string; version: number },
  audit: (event: AuditEvent) => Promise<void>,
): Promise<void> {
  const round = await currentRoundActions(tx, nonconformity.org_id, nonconformity.id);
  const status: NonconformityStatus = nonconformityStatusFor(round);
  if (status === nonconformity.status) return;
  await tx
    .updateTable("nonconformities")
    .set({ status, version: nonconformity.version + 1, updated_at: new Date() })
    .where("id", "=", nonconformity.id)
    .execute();
  await audit({
    action: "nonconformity.status_changed",
    entityType: "nonconformity",
    entityId: nonconformity.id,
    changes: { status: { before: nonconformity.status, after: status } },
  });
}
