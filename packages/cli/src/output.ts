import type { CliIo } from "./io.js";

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned columns separated by two spaces, for people reading a terminal. */
export function printTable(io: CliIo, headers: string[], rows: string[][]): void {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  io.stdout(`${[line(headers), ...rows.map(line)].join("\n")}\n`);
}

/** A timestamp for tables: minutes are precise enough for a person. */
export function shortTime(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")}Z` : "-";
}
