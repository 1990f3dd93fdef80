import type { AiSystem } from "@openaims/contracts";
import { systemColumns } from "@openaims/contracts";

/** A system as spreadsheet cells: lists joined with "; ", yes/no for booleans, the owner by e-mail. */
export function systemExportRow(system: AiSystem): Record<string, string> {
  const row: Record<string, string> = {};
  for (const column of systemColumns) {
    if (column.kind === "owner") {
      row[column.key] = system.owner?.email ?? "";
      continue;
    }
    const value = system[column.field as keyof AiSystem];
    if (Array.isArray(value)) row[column.key] = value.join("; ");
    else if (typeof value === "boolean") row[column.key] = value ? "yes" : "no";
    else row[column.key] = value === null || value === undefined ? "" : String(value);
  }
  return row;
}
