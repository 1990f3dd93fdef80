import { type ImportError, type ImportReport, systemColumns } from "@openaims/contracts";
import { keyOfCell } from "./import-cells.js";
import { importError, type PlannedSystemRow, planSystemRow, type SystemImportLookups } from "./system-import-row.js";

/** A spreadsheet as text: the heading cells, then each data row with its row number (the heading is row 1). */
export interface SheetTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** The most data rows one file may hold; larger inventories are imported in parts. */
export const MAX_IMPORT_ROWS = 50_000;

export interface SystemImportPlan {
  /** True when every row is valid and there is at least one. */
  valid: boolean;
  errors: ImportError[];
  warnings: string[];
  rows: PlannedSystemRow[];
  summary: ImportReport["summary"];
}

const knownKeys = new Set(systemColumns.map((column) => column.key));

/** Matches headings to column keys; reports duplicates, a missing name column and ignored columns. */
function readHeaders(headers: string[], errors: ImportError[], warnings: string[]): (string | null)[] {
  const seen = new Set<string>();
  const keys = headers.map((header) => {
    const key = keyOfCell(header);
    if (key === "") return null;
    if (!knownKeys.has(key)) {
      warnings.push(`The column '${header.trim()}' is not one the import knows; it was ignored.`);
      return null;
    }
    if (seen.has(key)) errors.push(importError(1, key, "this column appears more than once"));
    seen.add(key);
    return key;
  });
  if (!seen.has("name")) errors.push(importError(1, "name", "the file needs a name column"));
  return keys;
}

/**
 * Checks a whole systems file and decides, row by row, what applying it would do. Nothing here
 * writes: the caller applies the plan only when `valid` is true.
 */
export function planSystemImport(table: SheetTable, lookups: SystemImportLookups): SystemImportPlan {
  const errors: ImportError[] = [];
  const warnings: string[] = [];
  const keys = readHeaders(table.headers, errors, warnings);
  const dataRows = table.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) errors.push(importError(null, null, "The file has no data rows under its heading."));
  if (dataRows.length > MAX_IMPORT_ROWS)
    errors.push(
      importError(null, null, `The file has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`),
    );

  const rows: PlannedSystemRow[] = [];
  if (errors.length === 0) {
    const firstRowOfSlug = new Map<string, number>();
    for (const { row, cells } of dataRows) {
      const byKey = new Map<string, string>();
      keys.forEach((key, i) => {
        if (key) byKey.set(key, cells[i] ?? "");
      });
      const planned = planSystemRow(byKey, row, lookups);
      const first = firstRowOfSlug.get(planned.slug);
      if (first !== undefined) {
        planned.errors.push(importError(row, "slug", `'${planned.slug}' is already used on row ${first}`));
        planned.action = "invalid";
        planned.values = null;
      } else firstRowOfSlug.set(planned.slug, row);
      rows.push(planned);
      errors.push(...planned.errors);
    }
  }

  const count = (action: PlannedSystemRow["action"]) => rows.filter((row) => row.action === action).length;
  const summary = {
    rows: dataRows.length,
    create: count("create"),
    update: count("update"),
    unchanged: count("unchanged"),
    invalid: count("invalid"),
    errors: errors.length,
  };
  return { valid: errors.length === 0, errors, warnings, rows, summary };
}
