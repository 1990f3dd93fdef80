import { randomUUID } from "node:crypto";
import type { AssetValues, Routes, VendorValues } from "@openaims/contracts";
import {
  diffChanges,
  type ExistingRecord,
  type PlannedImportRow,
  planAssetImport,
  planVendorImport,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import type { Handler } from "../http/handler-context.js";
import { assetColumnsOf, assetValuesOf } from "./asset-handlers.js";
import { assetQuery } from "./asset-queries.js";
import { creationChanges, runImport } from "./import-runner.js";
import { activeMemberIdsByEmail } from "./owners.js";
import { vendorColumnsOf, vendorQuery, vendorValuesOf } from "./vendor-queries.js";

/** Rows per insert: at most about 16 parameters each. */
const CHUNK = 500;

/** Groups records by lower-case name; names are not unique, so a name may hold several. */
function byLowerName<T>(items: T[], nameOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = nameOf(item).toLowerCase();
    map.set(key, [...(map.get(key) ?? []), item]);
  }
  return map;
}

async function activeVendorIdsByName(tx: Kysely<Database>, orgId: string) {
  const rows = await tx
    .selectFrom("vendors")
    .select(["id", "name"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .execute();
  const grouped = byLowerName(rows, (row) => row.name);
  return new Map([...grouped].map(([name, list]) => [name, list.map((row) => row.id)]));
}

/** The events of one kind of record, and its new rows to insert; updates are left to the caller. */
function eventsOf<V extends Record<string, unknown>>(
  rows: PlannedImportRow<V, ExistingRecord<V>>[],
  noun: string,
  entityType: string,
) {
  const events: AuditEvent[] = [];
  const creates: { id: string; values: V }[] = [];
  const updates: { id: string; values: V }[] = [];
  for (const row of rows) {
    if (!row.values || (row.action !== "create" && row.action !== "update")) continue;
    const existing = row.existing;
    const id = existing?.id ?? randomUUID();
    const changes = existing ? diffChanges(existing.values, row.values) : creationChanges(row.values);
    events.push({ action: `${noun}.${existing ? "updated" : "created"}`, entityType, entityId: id, changes });
    (existing ? updates : creates).push({ id, values: row.values });
  }
  return { events, creates, updates };
}

/** Imports AI assets; rows match existing assets by name (ignoring case) and name their vendor by name. */
export const importAssets: Handler<Routes["importAssets"]> = (ctx) => {
  const { tx, org } = ctx;
  return runImport(ctx, {
    actionPrefix: "asset",
    entityType: "ai_asset",
    plan: async (sheet) => {
      const rows = await assetQuery(tx, org.orgId).execute();
      const existing = rows.map((row) => ({
        id: row.id,
        values: assetValuesOf(row),
        archived: row.archived_at !== null,
      }));
      return planAssetImport(sheet, {
        memberIdByEmail: await activeMemberIdsByEmail(tx, org.orgId),
        vendorIdsByName: await activeVendorIdsByName(tx, org.orgId),
        existingByName: byLowerName(existing, (record) => record.values.name),
      });
    },
    apply: async (rows) => {
      const { events, creates, updates } = eventsOf<AssetValues>(rows, "asset", "ai_asset");
      for (let i = 0; i < creates.length; i += CHUNK) {
        const chunk = creates.slice(i, i + CHUNK);
        await tx
          .insertInto("ai_assets")
          .values(chunk.map(({ id, values }) => ({ id, org_id: org.orgId, ...assetColumnsOf(values) })))
          .execute();
      }
      for (const { id, values } of updates) {
        await tx
          .updateTable("ai_assets")
          .set({ ...assetColumnsOf(values), updated_at: new Date(), version: sql<number>`version + 1` })
          .where("org_id", "=", org.orgId)
          .where("id", "=", id)
          .execute();
      }
      return events;
    },
  });
};

/** Imports AI vendors; rows match existing vendors by name, ignoring case. */
export const importVendors: Handler<Routes["importVendors"]> = (ctx) => {
  const { tx, org } = ctx;
  return runImport(ctx, {
    actionPrefix: "vendor",
    entityType: "vendor",
    plan: async (sheet) => {
      const rows = await vendorQuery(tx, org.orgId).execute();
      const existing = rows.map((row) => ({
        id: row.id,
        values: vendorValuesOf(row),
        archived: row.archived_at !== null,
      }));
      return planVendorImport(sheet, {
        memberIdByEmail: new Map(),
        vendorIdsByName: new Map(),
        existingByName: byLowerName(existing, (record) => record.values.name),
      });
    },
    apply: async (rows) => {
      const { events, creates, updates } = eventsOf<VendorValues>(rows, "vendor", "vendor");
      for (let i = 0; i < creates.length; i += CHUNK) {
        const chunk = creates.slice(i, i + CHUNK);
        await tx
          .insertInto("vendors")
          .values(chunk.map(({ id, values }) => ({ id, org_id: org.orgId, ...vendorColumnsOf(values) })))
          .execute();
      }
      for (const { id, values } of updates) {
        await tx
          .updateTable("vendors")
          .set({ ...vendorColumnsOf(values), updated_at: new Date(), version: sql<number>`version + 1` })
          .where("org_id", "=", org.orgId)
          .where("id", "=", id)
          .execute();
      }
      return events;
    },
  });
};
