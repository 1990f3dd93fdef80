/** Streams one column's values out of DuckDB. */

import type { DuckDBConnection } from "@duckdb/node-api";
import duckdb from "@duckdb/node-bindings";
import type { Side } from "./open-inputs.js";

/** Missing and present counts of a column (numeric columns count NaN and ±Infinity as missing). */
export async function countMissing(
  connection: DuckDBConnection,
  side: Side,
  valueSql: string,
  numeric: boolean,
): Promise<{ rows: number; missing: number }> {
  const present = numeric ? `${valueSql} IS NOT NULL AND isfinite(${valueSql})` : `${valueSql} IS NOT NULL`;
  const reader = await connection.runAndReadAll(`SELECT count(*), count(*) FILTER (WHERE ${present}) FROM ${side}`);
  const [rows, nonMissing] = (reader.getRowsJS()[0] ?? [0, 0]).map(Number) as [number, number];
  return { rows, missing: rows - nonMissing };
}

/**
 * The finite values of a numeric column, unsorted or, with `sorted`, sorted ascending by DuckDB; `rows` bounds their number. The query runs to
 * completion inside DuckDB (its own threads, while JavaScript may be busy with another column), then
 * the values are copied chunk by chunk straight from DuckDB's vectors.
 */
export async function readNumbers(
  connection: DuckDBConnection,
  side: Side,
  valueSql: string,
  rows: number,
  options: { sorted?: boolean } = {},
): Promise<Float64Array> {
  const result = await connection.run(
    `SELECT v FROM (SELECT (${valueSql})::DOUBLE AS v FROM ${side}) WHERE v IS NOT NULL AND isfinite(v)${options.sorted ? " ORDER BY v" : ""}`,
  );
  const values = new Float64Array(rows);
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const count = Math.min(chunk.rowCount, rows - offset);
    if (count <= 0) continue;
    const bytes = duckdb.vector_get_data(duckdb.data_chunk_get_vector(chunk.chunk, 0), count * 8);
    values.set(new Float64Array(bytes.buffer, bytes.byteOffset, count), offset);
    offset += count;
  }
  return offset === rows ? values : values.subarray(0, offset);
}

/** Category → count of a column's non-missing values. */
export async function readCategoryCounts(
  connection: DuckDBConnection,
  side: Side,
  valueSql: string,
): Promise<Map<string, number>> {
  const reader = await connection.runAndReadAll(
    `SELECT v, count(*)::DOUBLE FROM (SELECT ${valueSql} AS v FROM ${side}) WHERE v IS NOT NULL GROUP BY v`,
  );
  const counts = new Map<string, number>();
  for (const [value, count] of reader.getRowsJS()) counts.set(String(value), Number(count));
  return counts;
}

/** Streams the non-missing string values of a column in chunks. */
export async function forEachString(
  connection: DuckDBConnection,
  side: Side,
  valueSql: string,
  visit: (value: string) => void,
): Promise<void> {
  const result = await connection.stream(`SELECT v FROM (SELECT ${valueSql} AS v FROM ${side}) WHERE v IS NOT NULL`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const vector = chunk.getColumnVector(0);
    for (let i = 0; i < chunk.rowCount; i++) visit(String(vector.getItem(i)));
  }
}
