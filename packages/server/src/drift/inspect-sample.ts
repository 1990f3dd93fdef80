import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DriftSampleFormat } from "@openaims/contracts";

/** The format a sample's file name says it has; null for another extension. */
export function sampleFormatOf(fileName: string): DriftSampleFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".parquet")) return "parquet";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

const extensions: Record<DriftSampleFormat, string> = { csv: ".csv", parquet: ".parquet", jsonl: ".jsonl" };

/** A DuckDB table function reading a file of a format; the path is quoted as an SQL string. */
export function readerOf(format: DriftSampleFormat, path: string): string {
  const quoted = `'${path.replace(/'/g, "''")}'`;
  if (format === "parquet") return `read_parquet(${quoted})`;
  if (format === "jsonl") return `read_json_auto(${quoted}, format = 'newline_delimited')`;
  return `read_csv(${quoted}, header = true)`;
}

/**
 * Runs `work` with the bytes (or what a writer puts there) in a temporary file of the format's extension
 * (named after the sample's file name when given, so the report names it), removed afterwards.
 */
export async function withSampleFile<T>(
  bytes: Buffer | ((path: string) => Promise<void>),
  format: DriftSampleFormat,
  work: (path: string) => Promise<T>,
  fileName?: string,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "aims-drift-"));
  try {
    const stem =
      (fileName ?? "sample")
        .replace(/\.[^.]*$/, "")
        .replace(/[^A-Za-z0-9._-]+/g, "_")
        .slice(0, 100) || "sample";
    const path = join(dir, `${stem}${extensions[format]}`);
    if (typeof bytes === "function") await bytes(path);
    else await writeFile(path, bytes);
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface SampleShape {
  rowCount: number;
  columns: { name: string; type: string }[];
}

/** Reads a sample's columns, their types and its row count through DuckDB; throws DuckDB's message when it cannot. */
export async function inspectSample(path: string, format: DriftSampleFormat): Promise<SampleShape> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1", memory_limit: "512MB" });
  const connection = await instance.connect();
  try {
    const reader = readerOf(format, path);
    const described = await connection.runAndReadAll(`describe select * from ${reader}`);
    const columns = described.getRowObjectsJS().map((row) => ({
      name: String(row.column_name),
      type: String(row.column_type),
    }));
    const counted = await connection.runAndReadAll(`select count(*)::double as n from ${reader}`);
    const rowCount = Number(counted.getRowObjectsJS()[0]?.n ?? 0);
    return { rowCount, columns };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
