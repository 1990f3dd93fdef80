import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { assertActiveMember } from "../inventory/owners.js";

/** A metric of this organisation that is not archived; another organisation's answers 404. */
export async function assertMetric(db: Kysely<Database>, orgId: string, metricId: string): Promise<void> {
  const row = await db
    .selectFrom("metrics")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", metricId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!row) throw notFound("Metric", metricId);
}

/** Checks the metric and owner an objective names, when it names them. */
export async function checkObjectiveReferences(
  db: Kysely<Database>,
  orgId: string,
  refs: { metricId?: string | null | undefined; ownerMemberId?: string | null | undefined },
): Promise<void> {
  if (refs.metricId) await assertMetric(db, orgId, refs.metricId);
  if (refs.ownerMemberId) await assertActiveMember(db, orgId, refs.ownerMemberId);
}
