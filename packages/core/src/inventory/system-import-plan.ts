import { systemColumns } from "@openaims/contracts";
import { type ImportPlan, planImport, type SheetTable } from "./import-plan.js";
import { type PlannedSystemRow, planSystemRow, type SystemImportLookups } from "./system-import-row.js";

export type SystemImportPlan = ImportPlan<PlannedSystemRow>;

const columns = systemColumns.map((column) => column.key);

/** Checks a whole systems file; rows match existing systems by slug. */
export function planSystemImport(table: SheetTable, lookups: SystemImportLookups): SystemImportPlan {
  return planImport(table, { columns, keyColumn: "slug", planRow: (cells, row) => planSystemRow(cells, row, lookups) });
}
