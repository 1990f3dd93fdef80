import { stringify } from "csv-stringify/sync";
import { type TableExport, textRows } from "./table-export.js";

/**
 * Characters that make a spreadsheet treat a cell as a formula when the CSV is opened
 * (plus tab and carriage return, which some programs strip before looking).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote to text a spreadsheet would run as a formula, so it stays text. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV: a heading line, then one line per row, CRLF line ends, fields quoted when needed,
 * UTF-8 without a byte-order mark. The export's facts (organisation, version, hash) travel in
 * HTTP headers, since leading comment lines would break CSV readers.
 */
export function renderCsv(table: TableExport): Buffer {
  const records = [table.columns.map((column) => column.header), ...textRows(table)].map((cells) =>
    cells.map(guardFormula),
  );
  return Buffer.from(stringify(records, { record_delimiter: "\r\n", bom: false }), "utf8");
}
