import { randomUUID } from "node:crypto";
import { defaultRiskMethod } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry } from "../audit/append-audit-entry.js";
import type { SeedInput } from "../orgs/seed-organization.js";
import { methodColumns } from "./risk-method-queries.js";

/** Gives a new organisation the default 5×5 risk method; does nothing if it already has one. */
export async function seedRiskMethod(tx: Kysely<Database>, input: SeedInput): Promise<void> {
  const method = defaultRiskMethod();
  const inserted = await tx
    .insertInto("risk_methods")
    .values({ id: randomUUID(), org_id: input.orgId, ...methodColumns(method) })
    .onConflict((oc) => oc.column("org_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return;
  await appendAuditEntry(tx, {
    orgId: input.orgId,
    actor: input.actor,
    requestId: input.requestId,
    action: "risk_method.created",
    entityType: "risk_method",
    entityId: inserted.id,
    changes: {
      likelihoodLevels: { before: null, after: method.likelihoodLevels.length },
      impactLevels: { before: null, after: method.impactLevels.length },
      acceptableWithoutTreatment: { before: null, after: method.acceptableWithoutTreatment },
    },
  });
}
