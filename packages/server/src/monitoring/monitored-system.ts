import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import { isUuid } from "../records/is-uuid.js";

/** The AI system observations are pushed for, by id or slug; 404 for another organisation's, 409 when archived. */
export async function resolveMonitoredSystem(db: Kysely<Database>, orgId: string, selector: string) {
  const row = await db
    .selectFrom("ai_systems")
    .select(["id", "slug", "name", "archived_at"])
    .where("org_id", "=", orgId)
    .where(isUuid(selector) ? "id" : "slug", "=", isUuid(selector) ? selector.toLowerCase() : selector)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", selector);
  if (row.archived_at)
    throw new AppError("illegal_transition", `AI system '${row.name}' is archived; it takes no new observations.`);
  return row;
}
