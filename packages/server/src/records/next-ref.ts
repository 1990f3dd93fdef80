import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/**
 * The next human-readable reference of a kind in one organisation, e.g. `nextRef(tx, org, "risk", "R")` → "R-12".
 * The counter row is locked by the upsert until the transaction ends, so concurrent writers never share a number.
 */
export async function nextRef(tx: Kysely<Database>, orgId: string, kind: string, prefix: string): Promise<string> {
  const row = await tx
    .insertInto("org_counters")
    .values({ org_id: orgId, kind, next_value: 2 })
    .onConflict((oc) => oc.columns(["org_id", "kind"]).doUpdateSet({ next_value: sql`org_counters.next_value + 1` }))
    .returning("next_value")
    .executeTakeFirstOrThrow();
  return `${prefix}-${row.next_value - 1}`;
}
