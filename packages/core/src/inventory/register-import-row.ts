import {
  type AssetValues,
  assetColumns,
  createAssetRequestSchema,
  createVendorRequestSchema,
  type ImportError,
  type RegisterColumn,
  toolFieldProblems,
  type VendorConnector,
  type VendorValues,
  vendorColumns,
} from "@openaims/contracts";
import { canonicalJson } from "../audit/canonical-json.js";
import { dateCell, enumCell, enumListCell } from "./import-cells.js";
import { importError, importParseOptions, type PlannedImportRow } from "./import-plan.js";
import { issueMessage } from "./system-import-row.js";
import { vendorFieldProblems } from "./vendor-rules.js";

/** An asset or vendor already in the organisation, as an import row compares against it. */
export interface ExistingRecord<V> {
  id: string;
  values: V;
  archived: boolean;
}

/** What an asset or vendor row is checked against. Names are keyed in lower case. */
export interface RegisterImportLookups<V> {
  /** Active members by lower-case e-mail → membership id. */
  memberIdByEmail: ReadonlyMap<string, string>;
  /** Active vendors by lower-case name → their ids (more than one when names clash). */
  vendorIdsByName: ReadonlyMap<string, readonly string[]>;
  /** The organisation's records of the file's kind by lower-case name, archived ones included. */
  existingByName: ReadonlyMap<string, readonly ExistingRecord<V>[]>;
}

export type PlannedAssetRow = PlannedImportRow<AssetValues, ExistingRecord<AssetValues>>;
export type PlannedVendorRow = PlannedImportRow<VendorValues, ExistingRecord<VendorValues>>;

/** Splits a multi-value text cell on semicolons and line breaks only, since the values may hold commas. */
function textListCell(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** A connectors cell: "name: permissions" entries, as the export writes them. */
export function connectorsCell(text: string): VendorConnector[] {
  return textListCell(text).map((entry) => {
    const colon = entry.indexOf(":");
    if (colon < 0) return { name: entry, permissions: "" };
    return { name: entry.slice(0, colon).trim(), permissions: entry.slice(colon + 1).trim() };
  });
}

/** Reads one cell leniently; undefined means "not given" (keep the stored value, or the default). */
function readCell<V>(
  column: RegisterColumn<string>,
  text: string,
  lookups: RegisterImportLookups<V>,
  report: (message: string) => void,
): unknown {
  switch (column.kind) {
    case "text":
      return text;
    case "enum":
      return enumCell(text);
    case "enum_list":
      return enumListCell(text);
    case "text_list":
      return textListCell(text);
    case "connectors":
      return connectorsCell(text);
    case "date":
      return dateCell(text);
    case "owner": {
      const email = text.trim().toLowerCase();
      if (email === "") return null;
      const id = lookups.memberIdByEmail.get(email);
      if (!id) report(`no active member of this organisation has the e-mail ${email}`);
      return id;
    }
    case "vendor": {
      const name = text.trim();
      if (name === "") return null;
      const ids = lookups.vendorIdsByName.get(name.toLowerCase()) ?? [];
      if (ids.length === 0) report(`no active vendor is named '${name}'; import the vendors first`);
      if (ids.length > 1) report(`${ids.length} active vendors are named '${name}'; rename all but one`);
      return ids.length === 1 ? ids[0] : undefined;
    }
    case "read_only":
      return undefined;
  }
}

interface RegisterSpec<V> {
  noun: string;
  columns: readonly RegisterColumn<string>[];
  schema: {
    safeParse(
      input: unknown,
      options?: typeof importParseOptions,
    ): { success: true; data: V } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  };
  problems?: (values: V) => { field: string; message: string }[];
  normalise?: (values: V) => V;
}

/**
 * Checks one data row of an assets or vendors file. A row whose name matches (ignoring case) one
 * active record updates it with the columns the file has; a name no active record has creates one.
 */
function planRegisterRow<V>(
  spec: RegisterSpec<V>,
  cells: ReadonlyMap<string, string>,
  row: number,
  lookups: RegisterImportLookups<V>,
): PlannedImportRow<V, ExistingRecord<V>> {
  const errors: ImportError[] = [];
  const flagged = new Set<string>();
  const given: Record<string, unknown> = {};
  const columnOfField: Record<string, string> = {};
  for (const column of spec.columns) {
    if (!column.field) continue;
    columnOfField[column.field] = column.key;
    const text = cells.get(column.key);
    if (text === undefined) continue;
    const value = readCell(column, text, lookups, (message) => {
      flagged.add(column.key);
      errors.push(importError(row, column.key, message));
    });
    if (value !== undefined) given[column.field] = value;
  }
  const name = typeof given.name === "string" ? given.name.trim() : "";
  if (name === "") {
    flagged.add("name");
    errors.push(importError(row, "name", "required"));
  }
  const key = name.toLowerCase();
  const active = (lookups.existingByName.get(key) ?? []).filter((record) => !record.archived);
  if (active.length > 1)
    errors.push(importError(row, "name", `${active.length} ${spec.noun}s are named '${name}'; rename all but one`));
  const existing = active.length === 1 ? (active[0] ?? null) : null;

  const candidate: Record<string, unknown> = existing ? { ...existing.values, ...given } : given;
  const parsed = spec.schema.safeParse(candidate, importParseOptions);
  let values: V | null = null;
  if (parsed.success) {
    values = spec.normalise ? spec.normalise(parsed.data) : parsed.data;
    for (const problem of spec.problems?.(values) ?? [])
      errors.push(importError(row, columnOfField[problem.field] ?? problem.field, problem.message));
  } else {
    for (const issue of parsed.error.issues) {
      const column = columnOfField[String(issue.path[0])] ?? String(issue.path[0] ?? "");
      if (flagged.has(column)) continue;
      errors.push(importError(row, column || null, issueMessage(issue, candidate)));
    }
  }
  const base = { row, key, name, existing };
  if (errors.length > 0 || !values) return { ...base, action: "invalid", values: null, errors };
  const same = existing && canonicalJson(existing.values) === canonicalJson(values);
  return { ...base, action: !existing ? "create" : same ? "unchanged" : "update", values, errors };
}

const assetSpec: RegisterSpec<AssetValues> = {
  noun: "asset",
  columns: assetColumns,
  schema: createAssetRequestSchema,
  normalise: (values) => ({
    ...values,
    dataCategories: [...new Set(values.dataCategories)],
    licenceExpression: values.licenceExpression || null,
    toolName: values.toolName || null,
  }),
  problems: toolFieldProblems,
};

const vendorSpec: RegisterSpec<VendorValues> = {
  noun: "vendor",
  columns: vendorColumns,
  schema: createVendorRequestSchema,
  problems: vendorFieldProblems,
};

/** Checks one row of an assets file; the vendor is named by its name, the owner by e-mail. */
export function planAssetRow(
  cells: ReadonlyMap<string, string>,
  row: number,
  lookups: RegisterImportLookups<AssetValues>,
): PlannedAssetRow {
  return planRegisterRow(assetSpec, cells, row, lookups);
}

/** Checks one row of a vendors file; connectors are "name: permissions" entries separated by semicolons. */
export function planVendorRow(
  cells: ReadonlyMap<string, string>,
  row: number,
  lookups: RegisterImportLookups<VendorValues>,
): PlannedVendorRow {
  return planRegisterRow(vendorSpec, cells, row, lookups);
}
