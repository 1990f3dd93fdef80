import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import { isUuid } from "../records/is-uuid.js";

/** The asset a model scan checked, as scans show it. */
export interface ScanAsset {
  id: string;
  name: string;
  kind: string;
}

/**
 * An asset of the organisation named by id or exact name; 404 for an unknown or foreign one, 409 when
 * two live assets share the name. With `active`, an archived asset is refused: it takes no new scans.
 */
export async function resolveScanAsset(
  db: Kysely<Database>,
  orgId: string,
  selector: string,
  options: { active: boolean },
): Promise<ScanAsset> {
  const rows = await db
    .selectFrom("ai_assets")
    .select(["id", "name", "kind", "archived_at"])
    .where("org_id", "=", orgId)
    .where(isUuid(selector) ? "id" : "name", "=", isUuid(selector) ? selector.toLowerCase() : selector)
    .orderBy("archived_at", (ob) => ob.nullsFirst())
    .limit(2)
    .execute();
  const [row, other] = rows;
  if (!row) throw notFound("Asset", selector);
  if (other && !other.archived_at) {
    throw new AppError("conflict", `Two assets are named '${selector}'; name the asset by its id instead.`);
  }
  if (options.active && row.archived_at) {
    throw new AppError("illegal_transition", `Asset '${row.name}' is archived; it takes no new scans.`);
  }
  return { id: row.id, name: row.name, kind: row.kind };
}
