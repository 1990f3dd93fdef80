/**
 * Opens the reference and current data in one in-memory DuckDB database as the views `reference`
 * and `current`, recognising CSV, Parquet and JSON Lines by extension and, failing that, by content.
 */
import { mkdtemp, open, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { DriftInputFormat } from "@openaims/contracts";
import { DriftInputError } from "../drift-input-error.js";
import type { DriftSource } from "../run-drift-report.js";

export type Side = "reference" | "current";

export interface OpenedInput {
  side: Side;
  label: string;
  format: DriftInputFormat;
  rows: number;
  /** Rows the statistics read (the sample's size when sampling). */
  rowsUsed: number;
  /** Column name → DuckDB type name, in file order. */
  columns: Map<string, string>;
}

export interface OpenedInputs {
  connection: DuckDBConnection;
  /** A connection per side, so that both sides' values are read at the same time. */
  sideConnections: Record<Side, DuckDBConnection>;
  reference: OpenedInput;
  current: OpenedInput;
  close(): Promise<void>;
}

const EXTENSIONS: Record<string, DriftInputFormat> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "jsonl",
};

/** SQL string literal. */
export const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** SQL identifier. */
export const sqlName = (value: string) => `"${value.replaceAll('"', '""')}"`;

async function detectFormat(path: string, side: Side): Promise<DriftInputFormat> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new DriftInputError(`The ${side} data '${path}' is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof DriftInputError) throw error;
    throw new DriftInputError(`The ${side} data '${path}' cannot be read: no such file.`);
  }
  if (size === 0) throw new DriftInputError(`The ${side} data '${path}' is empty.`);
  const byExtension = EXTENSIONS[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 4).toString("latin1") === "PAR1") return "parquet";
    if (head.toString("utf8").trimStart().startsWith("{")) return "jsonl";
    return "csv";
  } finally {
    await handle.close();
  }
}

function readerSql(path: string, format: DriftInputFormat): string {
  switch (format) {
    case "parquet":
      return `read_parquet(${sqlString(path)})`;
    case "jsonl":
      return `read_json(${sqlString(path)}, format = 'auto', sample_size = -1)`;
    case "csv":
      // No BOOLEAN candidate: "yes"/"no" stay text, as they would in JSON Lines.
      return `read_csv(${sqlString(path)}, header = true, sample_size = -1, auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR'])`;
  }
}

const FORMAT_NAMES: Record<DriftInputFormat, string> = { csv: "CSV", parquet: "Parquet", jsonl: "JSON Lines" };

export interface OpenOptions {
  reference: DriftSource;
  current: DriftSource;
  sample?: number;
  /** DuckDB's memory limit, e.g. "2GB". */
  memoryLimit?: string;
  threads?: number;
}

/** Opens both inputs; the caller closes them. Throws DriftInputError for a missing, empty or unreadable input. */
export async function openInputs(options: OpenOptions): Promise<OpenedInputs> {
  let temporary: string | undefined;
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? "2GB",
    threads: String(options.threads ?? 2),
    preserve_insertion_order: "false",
  });
  const connection = await instance.connect();
  const sideConnections = { reference: await instance.connect(), current: await instance.connect() };
  const close = async () => {
    sideConnections.reference.closeSync();
    sideConnections.current.closeSync();
    connection.closeSync();
    instance.closeSync();
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  try {
    const opened: Partial<Record<Side, OpenedInput>> = {};
    for (const side of ["reference", "current"] as const) {
      const source = options[side];
      let path: string;
      let label: string;
      if (typeof source === "string") {
        path = source;
        label = basename(source);
      } else {
        if (source.rows.length === 0) throw new DriftInputError(`The ${side} data '${source.label}' has no rows.`);
        temporary ??= await mkdtemp(join(tmpdir(), "openaims-drift-"));
        path = join(temporary, `${side}.jsonl`);
        await writeFile(path, `${source.rows.map((row) => JSON.stringify(row)).join("\n")}\n`);
        label = source.label;
      }
      const format = await detectFormat(path, side);
      try {
        await connection.run(`CREATE VIEW ${side}_all AS SELECT * FROM ${readerSql(path, format)}`);
      } catch (error) {
        throw new DriftInputError(
          `The ${side} data '${label}' cannot be read as ${FORMAT_NAMES[format]}: ${firstLine(error)}`,
        );
      }
      const rows = await scalarNumber(connection, `SELECT count(*) FROM ${side}_all`, side, label, format);
      if (rows === 0) throw new DriftInputError(`The ${side} data '${label}' has no rows.`);
      let rowsUsed = rows;
      if (options.sample !== undefined && options.sample < rows) {
        await connection.run(
          `CREATE TABLE ${side} AS SELECT * FROM ${side}_all USING SAMPLE reservoir(${Math.floor(options.sample)} ROWS) REPEATABLE (42)`,
        );
        rowsUsed = Math.floor(options.sample);
      } else {
        await connection.run(`CREATE VIEW ${side} AS SELECT * FROM ${side}_all`);
      }
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${side}`);
      const columns = new Map<string, string>();
      for (const row of described.getRowObjectsJS()) columns.set(String(row.column_name), String(row.column_type));
      opened[side] = { side, label, format, rows, rowsUsed, columns };
    }
    return {
      connection,
      sideConnections,
      reference: opened.reference as OpenedInput,
      current: opened.current as OpenedInput,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function scalarNumber(
  connection: DuckDBConnection,
  sql: string,
  side: Side,
  label: string,
  format: DriftInputFormat,
): Promise<number> {
  try {
    const reader = await connection.runAndReadAll(sql);
    return Number(reader.getRowsJS()[0]?.[0] ?? 0);
  } catch (error) {
    throw new DriftInputError(
      `The ${side} data '${label}' cannot be read as ${FORMAT_NAMES[format]}: ${firstLine(error)}`,
    );
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").slice(0, 300);
}
