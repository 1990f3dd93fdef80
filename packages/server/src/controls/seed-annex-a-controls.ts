import { randomUUID } from "node:crypto";
import { annexAControls, suggestedFreshnessDaysFor } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry } from "../audit/append-audit-entry.js";
import type { SeedInput } from "../orgs/seed-organization.js";

/**
 * Gives a new organisation one control record per Annex A control, undecided and not started,
 * with the catalogue's suggested evidence freshness. One audit entry records the whole seed.
 */
export async function seedAnnexAControls(tx: Kysely<Database>, input: SeedInput): Promise<void> {
  const rows = annexAControls.map((control, index) => ({
    id: randomUUID(),
    org_id: input.orgId,
    ref: control.id,
    title: control.title,
    kind: "annex_a",
    area_id: control.areaId,
    position: index + 1,
    evidence_freshness_days: suggestedFreshnessDaysFor(control.id),
  }));
  await tx.insertInto("controls").values(rows).execute();
  await appendAuditEntry(tx, {
    orgId: input.orgId,
    actor: input.actor,
    requestId: input.requestId,
    action: "controls.seeded",
    entityType: "control",
    entityId: null,
    changes: { annexAControls: { before: null, after: rows.map((row) => row.ref) } },
  });
}
