import { randomUUID } from "node:crypto";
import {
  type ActionClass,
  type AssetKind,
  type AssetValues,
  type DataCategory,
  fieldMessage,
  type ModelCard,
  type Routes,
  toolFieldProblems,
} from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidFields } from "../http/invalid-fields.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { type AssetRow, assetQuery, findAsset, presentAsset, presentAssets } from "./asset-queries.js";
import { archivedRecordError, containsPattern } from "./inventory-errors.js";
import { checkModelCardDatasets } from "./model-card-datasets.js";
import { assertActiveMember } from "./owners.js";
import { findVendor } from "./vendor-queries.js";

const SORT_COLUMNS = {
  name: "ai_assets.name",
  kind: "ai_assets.kind",
  createdAt: "ai_assets.created_at",
  updatedAt: "ai_assets.updated_at",
};
const SORT_KEYS: Record<string, keyof AssetRow> = {
  "ai_assets.name": "name",
  "ai_assets.kind": "kind",
  "ai_assets.created_at": "created_at",
  "ai_assets.updated_at": "updated_at",
};

export function assetValuesOf(row: AssetRow): AssetValues {
  return {
    name: row.name,
    kind: row.kind as AssetKind,
    description: row.description,
    assetVersion: row.asset_version,
    ownerId: row.owner_member_id,
    vendorId: row.vendor_id,
    provenance: row.provenance,
    acquisitionMethod: row.acquisition_method,
    qualityNotes: row.quality_notes,
    preparationNotes: row.preparation_notes,
    dataCategories: row.data_categories as DataCategory[],
    licence: row.licence,
    licenceExpression: row.licence_expression,
    modelCard: row.model_card as ModelCard,
    actionClass: (row.action_class as ActionClass | null) ?? null,
    toolName: row.tool_name,
  };
}

export function assetColumnsOf(values: AssetValues) {
  return {
    name: values.name,
    kind: values.kind,
    description: values.description,
    asset_version: values.assetVersion,
    owner_member_id: values.ownerId,
    vendor_id: values.vendorId,
    provenance: values.provenance,
    acquisition_method: values.acquisitionMethod,
    quality_notes: values.qualityNotes,
    preparation_notes: values.preparationNotes,
    data_categories: JSON.stringify([...new Set(values.dataCategories)]),
    licence: values.licence,
    licence_expression: values.licenceExpression || null,
    model_card: JSON.stringify(values.modelCard),
    action_class: values.actionClass ?? null,
    tool_name: values.toolName || null,
  };
}

/** Owner and vendor must be records of this organisation. */
async function checkAssetReferences(
  tx: Kysely<Database>,
  orgId: string,
  values: AssetValues,
  before: AssetValues | null,
): Promise<void> {
  if (values.ownerId && values.ownerId !== before?.ownerId) await assertActiveMember(tx, orgId, values.ownerId);
  if (values.vendorId && values.vendorId !== before?.vendorId) await findVendor(tx, orgId, values.vendorId);
  await checkModelCardDatasets(tx, orgId, values.modelCard);
  const toolProblems = toolFieldProblems(values);
  if (toolProblems.length > 0) {
    throw invalidFields(toolProblems.map((problem) => fieldMessage(`body.${problem.field}`, problem.message)));
  }
}

export const listAssets: Handler<Routes["listAssets"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, q, kind, systemId, vendorId, archived } = input.query;
  const sort = keysetSort(input.query.sort, SORT_COLUMNS, "ai_assets.id");
  const cursor = parseCursor(rawCursor);
  let query = assetQuery(tx, org.orgId);
  if (archived === "false") query = query.where("ai_assets.archived_at", "is", null);
  if (archived === "true") query = query.where("ai_assets.archived_at", "is not", null);
  if (kind) query = query.where("ai_assets.kind", "=", kind);
  if (vendorId) query = query.where("ai_assets.vendor_id", "=", vendorId);
  if (systemId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("ai_system_assets as link")
          .select("link.id")
          .whereRef("link.asset_id", "=", "ai_assets.id")
          .where("link.system_id", "=", systemId)
          .where("link.archived_at", "is", null),
      ),
    );
  }
  if (q) {
    const like = containsPattern(q);
    query = query.where((eb) =>
      eb.or([eb("ai_assets.name", "ilike", like), eb("ai_assets.description", "ilike", like)]),
    );
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "ai_assets.name", sort.direction)
    .orderBy("ai_assets.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const key = SORT_KEYS[sort.column] as keyof AssetRow;
  const page = pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row[key]), id: row.id }),
    (row) => row,
  );
  return { items: await presentAssets(tx, org.orgId, page.items), nextCursor: page.nextCursor };
};

export const getAsset: Handler<Routes["getAsset"]> = async ({ tx, org, input }) =>
  presentAsset(tx, org.orgId, await findAsset(tx, org.orgId, input.params.assetId));

export const createAsset: Handler<Routes["createAsset"]> = async ({ tx, org, input, audit }) => {
  const values = input.body;
  await checkAssetReferences(tx, org.orgId, values, null);
  const id = randomUUID();
  await tx
    .insertInto("ai_assets")
    .values({ id, org_id: org.orgId, ...assetColumnsOf(values) })
    .execute();
  await audit({ action: "asset.created", entityType: "ai_asset", entityId: id, changes: diffChanges(null, values) });
  return presentAsset(tx, org.orgId, await findAsset(tx, org.orgId, id));
};

export const updateAsset: Handler<Routes["updateAsset"]> = async ({ tx, org, input, audit }) => {
  const row = await findAsset(tx, org.orgId, input.params.assetId, true);
  if (row.archived_at) throw archivedRecordError("asset");
  const { version, ...changes } = input.body;
  if (row.version !== version) throw staleVersion("asset", row.version, version);
  const before = assetValuesOf(row);
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const after = { ...before, ...given } as AssetValues;
  const changed = diffChanges(before, after);
  if (Object.keys(changed).length === 0) return presentAsset(tx, org.orgId, row);
  await checkAssetReferences(tx, org.orgId, after, before);
  await tx
    .updateTable("ai_assets")
    .set({ ...assetColumnsOf(after), version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({ action: "asset.updated", entityType: "ai_asset", entityId: row.id, changes: changed });
  return presentAsset(tx, org.orgId, await findAsset(tx, org.orgId, row.id));
};

export const archiveAsset: Handler<Routes["archiveAsset"]> = async ({ tx, org, input, audit }) => {
  const row = await findAsset(tx, org.orgId, input.params.assetId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This asset is already archived.");
  if (row.version !== input.body.version) throw staleVersion("asset", row.version, input.body.version);
  const now = new Date();
  const reason = input.body.reason;
  await tx
    .updateTable("ai_assets")
    .set({ archived_at: now, archive_reason: reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  // An archived asset is used by nothing; its links end with it and stay in the history.
  const links = await tx
    .updateTable("ai_system_assets")
    .set({ archived_at: now, archive_reason: `Asset archived: ${reason}` })
    .where("asset_id", "=", row.id)
    .where("archived_at", "is", null)
    .returning("system_id")
    .execute();
  await audit({
    action: "asset.archived",
    entityType: "ai_asset",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: reason },
      ...(links.length > 0 ? { linkedSystems: { before: links.map((link) => link.system_id), after: [] } } : {}),
    },
  });
  return presentAsset(tx, org.orgId, await findAsset(tx, org.orgId, row.id));
};
