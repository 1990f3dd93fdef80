import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import { isUuid } from "../records/is-uuid.js";

/** The AI system a scan is about, as scans show it. */
export interface ScanSystem {
  id: string;
  slug: string;
  name: string;
}

/**
 * An AI system of the organisation named by id or slug; 404 for an unknown or foreign one. With
 * `active`, an archived system is refused: it takes no new scans.
 */
export async function resolveScanSystem(
  db: Kysely<Database>,
  orgId: string,
  selector: string,
  options: { active: boolean },
): Promise<ScanSystem> {
  const row = await db
    .selectFrom("ai_systems")
    .select(["id", "slug", "name", "archived_at"])
    .where("org_id", "=", orgId)
    .where(isUuid(selector) ? "id" : "slug", "=", isUuid(selector) ? selector.toLowerCase() : selector)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", selector);
  if (options.active && row.archived_at) {
    throw new AppError("illegal_transition", `AI system '${row.name}' is archived; it takes no new scans.`);
  }
  return { id: row.id, slug: row.slug, name: row.name };
}
