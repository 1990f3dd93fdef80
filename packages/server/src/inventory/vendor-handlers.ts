import { randomUUID } from "node:crypto";
import type { Routes, VendorValues } from "@openaims/contracts";
import { diffChanges, vendorFieldProblems } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { archivedRecordError, containsPattern, fieldProblemsError } from "./inventory-errors.js";
import {
  findVendor,
  presentVendor,
  type VendorRow,
  vendorColumnsOf,
  vendorQuery,
  vendorValuesOf,
} from "./vendor-queries.js";

const SORT_COLUMNS = { name: "vendors.name", createdAt: "vendors.created_at", updatedAt: "vendors.updated_at" };
const SORT_KEYS: Record<string, keyof VendorRow> = {
  "vendors.name": "name",
  "vendors.created_at": "created_at",
  "vendors.updated_at": "updated_at",
};

export const listVendors: Handler<Routes["listVendors"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, q, trainsOnCustomerData, archived } = input.query;
  const sort = keysetSort(input.query.sort, SORT_COLUMNS, "vendors.id");
  const cursor = parseCursor(rawCursor);
  let query = vendorQuery(tx, org.orgId);
  if (archived === "false") query = query.where("vendors.archived_at", "is", null);
  if (archived === "true") query = query.where("vendors.archived_at", "is not", null);
  if (trainsOnCustomerData) query = query.where("vendors.trains_on_customer_data", "=", trainsOnCustomerData);
  if (q) {
    const like = containsPattern(q);
    query = query.where((eb) => eb.or([eb("vendors.name", "ilike", like), eb("vendors.services", "ilike", like)]));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "vendors.name", sort.direction)
    .orderBy("vendors.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const key = SORT_KEYS[sort.column] as keyof VendorRow;
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row[key]), id: row.id }), presentVendor);
};

export const getVendor: Handler<Routes["getVendor"]> = async ({ tx, org, input }) =>
  presentVendor(await findVendor(tx, org.orgId, input.params.vendorId));

function checkVendorValues(values: VendorValues): void {
  const problems = vendorFieldProblems(values);
  if (problems.length > 0) throw fieldProblemsError(problems);
}

export const createVendor: Handler<Routes["createVendor"]> = async ({ tx, org, input, audit }) => {
  const values = input.body;
  checkVendorValues(values);
  const id = randomUUID();
  await tx
    .insertInto("vendors")
    .values({ id, org_id: org.orgId, ...vendorColumnsOf(values) })
    .execute();
  await audit({ action: "vendor.created", entityType: "vendor", entityId: id, changes: diffChanges(null, values) });
  return presentVendor(await findVendor(tx, org.orgId, id));
};

export const updateVendor: Handler<Routes["updateVendor"]> = async ({ tx, org, input, audit }) => {
  const row = await findVendor(tx, org.orgId, input.params.vendorId, true);
  if (row.archived_at) throw archivedRecordError("vendor");
  const { version, ...changes } = input.body;
  if (row.version !== version) throw staleVersion("vendor", row.version, version);
  const before = vendorValuesOf(row);
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const after = { ...before, ...given } as VendorValues;
  const changed = diffChanges(before, after);
  if (Object.keys(changed).length === 0) return presentVendor(row);
  checkVendorValues(after);
  await tx
    .updateTable("vendors")
    .set({ ...vendorColumnsOf(after), version: row.version + 1, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await audit({ action: "vendor.updated", entityType: "vendor", entityId: row.id, changes: changed });
  return presentVendor(await findVendor(tx, org.orgId, row.id));
};

export const archiveVendor: Handler<Routes["archiveVendor"]> = async ({ tx, org, input, audit }) => {
  const row = await findVendor(tx, org.orgId, input.params.vendorId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This vendor is already archived.");
  if (row.version !== input.body.version) throw staleVersion("vendor", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("vendors")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "vendor.archived",
    entityType: "vendor",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return presentVendor(await findVendor(tx, org.orgId, row.id));
};
