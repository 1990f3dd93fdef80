import { type ImportAction, type ImportError, type ImportReport, plainIssueMessage } from "@openaims/contracts";
import { keyOfCell } from "./import-cells.js";

/** A spreadsheet as text: the heading cells, then each data row with its row number (the heading is row 1). */
export interface SheetTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** The most data rows one file may hold; larger inventories are imported in parts. */
export const MAX_IMPORT_ROWS = 50_000;

/** An import problem with its sentence, e.g. "row 7, impact_tier: must be one of low, medium, high". */
export function importError(row: number | null, column: string | null, message: string): ImportError {
  const where = [row === null ? null : `row ${row}`, column].filter((part) => part !== null).join(", ");
  return { row, column, message: where ? `${where}: ${message}` : message };
}

/**
 * Parse options for file rows: zod's own wording for a wrong kind of cell ("expected boolean") becomes
 * our sentence ("must be yes or no (true or false)"), while the schema's sentences — which name the
 * values a file may hold — are kept.
 */
export const importParseOptions = {
  error: (issue: Parameters<typeof plainIssueMessage>[0]) =>
    issue.code === "invalid_type" ? plainIssueMessage(issue) : undefined,
  reportInput: true,
} as const;

/** What one data row of any inventory file would do. */
export interface PlannedImportRow<V, E> {
  row: number;
  /** What the row matches existing records by: a system's slug, or an asset's or vendor's lower-case name. */
  key: string;
  name: string;
  action: ImportAction;
  /** The values to store; null when the row is invalid. */
  values: V | null;
  existing: E | null;
  errors: ImportError[];
}

export interface ImportPlan<R> {
  /** True when every row is valid and there is at least one. */
  valid: boolean;
  errors: ImportError[];
  warnings: string[];
  rows: R[];
  summary: ImportReport["summary"];
}

/** How one kind of inventory file is read. */
export interface ImportSheetSpec<R> {
  /** Column keys the import reads. */
  columns: readonly string[];
  /** Column keys an export writes for reading only; the import skips them without a warning. */
  readOnlyColumns?: readonly string[];
  /** Other headings for a column, as heading keys → column key (e.g. an export's "Version" → asset_version). */
  headingAliases?: Readonly<Record<string, string>>;
  /** The column whose value identifies a row, for the "used twice" error. */
  keyColumn: string;
  /** Columns the file must have; `name` when not given. */
  requiredColumns?: readonly string[];
  planRow(cells: ReadonlyMap<string, string>, row: number): R;
}

/** Matches headings to column keys; reports duplicates, missing required columns and ignored columns. */
function readHeaders(
  headers: string[],
  spec: ImportSheetSpec<unknown>,
  errors: ImportError[],
  warnings: string[],
): (string | null)[] {
  const known = new Set(spec.columns);
  const readOnly = new Set(spec.readOnlyColumns ?? []);
  const seen = new Set<string>();
  const keys = headers.map((header) => {
    const heading = keyOfCell(header);
    const key = spec.headingAliases?.[heading] ?? heading;
    if (key === "" || readOnly.has(key)) return null;
    if (!known.has(key)) {
      warnings.push(`The column '${header.trim()}' is not one the import knows; it was ignored.`);
      return null;
    }
    if (seen.has(key)) errors.push(importError(1, key, "this column appears more than once"));
    seen.add(key);
    return key;
  });
  for (const column of spec.requiredColumns ?? ["name"])
    if (!seen.has(column)) errors.push(importError(1, column, `the file needs a ${column} column`));
  return keys;
}

/**
 * Checks a whole file (of the inventory, or of training records) and decides, row by row, what applying
 * it would do. Nothing here writes: the caller applies the plan only when `valid` is true. Two rows
 * with the same key are refused.
 */
export function planImport<V, E, R extends PlannedImportRow<V, E>>(
  table: SheetTable,
  spec: ImportSheetSpec<R>,
): ImportPlan<R> {
  const errors: ImportError[] = [];
  const warnings: string[] = [];
  const keys = readHeaders(table.headers, spec, errors, warnings);
  const dataRows = table.rows.filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) errors.push(importError(null, null, "The file has no data rows under its heading."));
  if (dataRows.length > MAX_IMPORT_ROWS)
    errors.push(
      importError(null, null, `The file has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`),
    );

  const rows: R[] = [];
  if (errors.length === 0) {
    const firstRowOfKey = new Map<string, number>();
    for (const { row, cells } of dataRows) {
      const byKey = new Map<string, string>();
      keys.forEach((key, i) => {
        if (key) byKey.set(key, cells[i] ?? "");
      });
      const planned = spec.planRow(byKey, row);
      const first = firstRowOfKey.get(planned.key);
      if (first !== undefined && planned.key !== "") {
        planned.errors.push(importError(row, spec.keyColumn, `'${planned.key}' is already used on row ${first}`));
        planned.action = "invalid";
        planned.values = null;
      } else firstRowOfKey.set(planned.key, row);
      rows.push(planned);
      errors.push(...planned.errors);
    }
  }

  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
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
