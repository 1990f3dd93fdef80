import { type AssetValues, assetColumns, type VendorValues, vendorColumns } from "@openaims/contracts";
import { keyOfCell } from "./import-cells.js";
import { type ImportPlan, planImport, type SheetTable } from "./import-plan.js";
import {
  type PlannedAssetRow,
  type PlannedVendorRow,
  planAssetRow,
  planVendorRow,
  type RegisterImportLookups,
} from "./register-import-row.js";

const readable = (columns: typeof assetColumns | typeof vendorColumns) =>
  columns.filter((column) => column.kind !== "read_only").map((column) => column.key);
const headingAliases = (columns: typeof assetColumns | typeof vendorColumns) =>
  Object.fromEntries(columns.map((column) => [keyOfCell(column.header), column.key]));
const readOnly = (columns: typeof assetColumns | typeof vendorColumns) =>
  columns.filter((column) => column.kind === "read_only").map((column) => column.key);

/** Checks a whole assets file; rows match existing assets by name, ignoring case. */
export function planAssetImport(
  table: SheetTable,
  lookups: RegisterImportLookups<AssetValues>,
): ImportPlan<PlannedAssetRow> {
  return planImport(table, {
    columns: readable(assetColumns),
    readOnlyColumns: readOnly(assetColumns),
    headingAliases: headingAliases(assetColumns),
    keyColumn: "name",
    planRow: (cells, row) => planAssetRow(cells, row, lookups),
  });
}

/** Checks a whole vendors file; rows match existing vendors by name, ignoring case. */
export function planVendorImport(
  table: SheetTable,
  lookups: RegisterImportLookups<VendorValues>,
): ImportPlan<PlannedVendorRow> {
  return planImport(table, {
    columns: readable(vendorColumns),
    readOnlyColumns: readOnly(vendorColumns),
    headingAliases: headingAliases(vendorColumns),
    keyColumn: "name",
    planRow: (cells, row) => planVendorRow(cells, row, lookups),
  });
}
