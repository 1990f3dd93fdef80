import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { insertLinks } from "./insert-evidence.js";

/**
 * Links a scan's evidence to the risk raised from one of its findings, so the risk register shows
 * what the risk rests on; archived or missing evidence is left alone.
 */
export async function linkEvidenceToRisk(
  tx: Kysely<Database>,
  orgId: string,
  evidenceId: string,
  risk: { id: string; ref: string; title: string },
  audit: (event: AuditEvent) => Promise<void>,
): Promise<void> {
  const evidence = await tx
    .selectFrom("evidence")
    .select(["id", "version", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", evidenceId)
    .forUpdate()
    .executeTakeFirst();
  if (!evidence || evidence.archived_at) return;
  await insertLinks(tx, orgId, evidence.id, [
    { targetType: "risk", targetId: risk.id, clauseId: null, ref: risk.ref, title: risk.title },
  ]);
  await tx
    .updateTable("evidence")
    .set({ version: evidence.version + 1, updated_at: new Date() })
    .where("id", "=", evidence.id)
    .execute();
  await audit({
    action: "evidence.linked",
    entityType: "evidence",
    entityId: evidence.id,
    changes: { link: { before: null, after: `risk ${risk.ref}` } },
  });
}
