import type { ModelCard } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { invalidField } from "../http/invalid-fields.js";

/**
 * A model card's datasets must be active dataset assets of this organisation: an id of another
 * organisation, of a model or of an archived dataset is named in a 400 on the field.
 */
export async function checkModelCardDatasets(db: Kysely<Database>, orgId: string, card: ModelCard): Promise<void> {
  const ids = [...new Set((card.modelParameters?.datasets ?? []).map((dataset) => dataset.assetId))];
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom("ai_assets")
    .select("id")
    .where("org_id", "=", orgId)
    .where("kind", "=", "dataset")
    .where("archived_at", "is", null)
    .where("id", "in", ids)
    .execute();
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing === undefined) return;
  const index = (card.modelParameters?.datasets ?? []).findIndex((dataset) => dataset.assetId === missing);
  throw invalidField(
    `body.modelCard.modelParameters.datasets.${index}.assetId`,
    `must be an active dataset asset of this organisation; '${missing}' is not one`,
  );
}
