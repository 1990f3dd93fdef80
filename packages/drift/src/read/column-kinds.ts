/**
 * Which columns are compared and as what. The rule for inferred kinds:
 * - numeric DuckDB types (integers, decimals, floats) are numeric, dates and times too (as epoch seconds),
 *   except that a target or prediction column of integers holds class labels and is categorical;
 * - booleans are categorical;
 * - strings are text when, in the reference, at least half of the non-missing values contain
 *   whitespace and more than 20 distinct values occur, otherwise categorical.
 * A kind set by the user wins: a numeric column can be compared as categorical, and a string column
 * as numeric when every value parses as a number.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { DriftColumnKind, DriftColumnRole } from "@openaims/contracts";
import { DriftInputError } from "../drift-input-error.js";
import { type OpenedInputs, sqlName } from "./open-inputs.js";

export interface PlannedColumn {
  name: string;
  role: DriftColumnRole;
  kind: DriftColumnKind;
  kindSource: "inferred" | "override";
  /** SQL giving the column's value as compared (a DOUBLE for numeric, a VARCHAR otherwise). */
  valueSql: string;
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const INTEGER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const TEMPORAL_TYPE = /^(DATE|TIMESTAMP.*|TIME)$/;

type TypeFamily = "numeric" | "temporal" | "boolean" | "string" | "other";

function familyOf(type: string): TypeFamily {
  if (NUMERIC_TYPE.test(type)) return "numeric";
  if (TEMPORAL_TYPE.test(type)) return "temporal";
  if (type === "BOOLEAN") return "boolean";
  if (type === "VARCHAR" || type === "NULL") return "string";
  return "other";
}

const FAMILY_WORDS: Record<TypeFamily, string> = {
  numeric: "numeric",
  temporal: "a date or time",
  boolean: "true/false",
  string: "text",
  other: "a nested value",
};

/** Text-column rule thresholds. */
export const TEXT_WHITESPACE_SHARE = 0.5;
export const TEXT_MIN_DISTINCT = 20;

export interface PlanOptions {
  columns?: string[];
  target?: string;
  prediction?: string;
  kinds?: Record<string, DriftColumnKind>;
}

/** Checks the requested columns against both inputs and decides each column's kind. */
export async function planColumns(inputs: OpenedInputs, options: PlanOptions): Promise<PlannedColumn[]> {
  const { reference, current } = inputs;
  for (const [flag, name] of [
    ["target", options.target],
    ["prediction", options.prediction],
  ] as const) {
    if (name !== undefined && !reference.columns.has(name))
      throw new DriftInputError(
        `The ${flag} column '${name}' is not in the reference data '${reference.label}'.`,
        name,
      );
  }
  const requested = options.columns?.length ? options.columns : [...reference.columns.keys()];
  const names = [...new Set([...requested, options.target, options.prediction].filter((n): n is string => !!n))];
  for (const name of Object.keys(options.kinds ?? {}))
    if (!names.includes(name))
      throw new DriftInputError(`A kind is set for column '${name}', which is not compared.`, name);
  const planned: PlannedColumn[] = [];
  for (const name of names) {
    const refType = reference.columns.get(name);
    const curType = current.columns.get(name);
    if (refType === undefined && curType === undefined)
      throw new DriftInputError(`Column '${name}' is in neither the reference nor the current data.`, name);
    if (refType === undefined)
      throw new DriftInputError(
        `Column '${name}' is in the current data but missing from the reference data '${reference.label}'.`,
        name,
      );
    if (curType === undefined)
      throw new DriftInputError(
        `Column '${name}' is in the reference data but missing from the current data '${current.label}'.`,
        name,
      );
    const refFamily = familyOf(refType);
    const curFamily = familyOf(curType);
    const role: DriftColumnRole =
      name === options.target ? "target" : name === options.prediction ? "prediction" : "feature";
    const override = options.kinds?.[name];
    // An all-missing column reads as NULL or VARCHAR on one side: it takes the other side's family.
    let refEffective = refFamily;
    let curEffective = curFamily;
    if (familyGroup(refFamily) !== familyGroup(curFamily)) {
      if (refFamily === "string" && (await allMissing(inputs.connection, "reference", name))) refEffective = curFamily;
      if (curFamily === "string" && (await allMissing(inputs.connection, "current", name))) curEffective = refFamily;
    }
    if (refEffective === "other" || curEffective === "other")
      throw new DriftInputError(
        `Column '${name}' holds nested values (${refEffective === "other" ? refType : curType}), which cannot be compared.`,
        name,
      );
    if (override === undefined && familyGroup(refEffective) !== familyGroup(curEffective))
      throw new DriftInputError(
        `Column '${name}' is ${FAMILY_WORDS[refEffective]} (${refType}) in the reference data but ${FAMILY_WORDS[curEffective]} (${curType}) in the current data.`,
        name,
      );
    const labels = role !== "feature" && INTEGER_TYPE.test(refType) && INTEGER_TYPE.test(curType);
    const kind = override ?? (labels ? "categorical" : await inferKind(inputs.connection, name, refEffective));
    if (kind === "numeric" && (refEffective === "string" || curEffective === "string" || refEffective === "boolean")) {
      await assertParsesAsNumbers(inputs.connection, name);
    }
    planned.push({
      name,
      role,
      kind,
      kindSource: override ? "override" : "inferred",
      valueSql: valueSql(name, kind, refEffective),
    });
  }
  return planned;
}

/** Booleans and strings both compare as text values ("true", "false"), so they may meet. */
function familyGroup(family: TypeFamily): string {
  return family === "boolean" ? "string" : family;
}

function valueSql(name: string, kind: DriftColumnKind, family: TypeFamily): string {
  const column = sqlName(name);
  if (kind === "numeric") return family === "temporal" ? `epoch(${column})::DOUBLE` : `TRY_CAST(${column} AS DOUBLE)`;
  return `CAST(${column} AS VARCHAR)`;
}

async function allMissing(connection: DuckDBConnection, side: "reference" | "current", name: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(`SELECT count(${sqlName(name)}) FROM ${side}`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) === 0;
}

async function inferKind(connection: DuckDBConnection, name: string, family: TypeFamily): Promise<DriftColumnKind> {
  if (family === "numeric" || family === "temporal") return "numeric";
  if (family === "boolean") return "categorical";
  const column = sqlName(name);
  const reader = await connection.runAndReadAll(
    `SELECT count(${column}), count(*) FILTER (WHERE regexp_matches(${column}, '\\s')), approx_count_distinct(${column}) FROM reference`,
  );
  const [nonMissing, withSpace, distinct] = (reader.getRowsJS()[0] ?? []).map(Number) as [number, number, number];
  if (nonMissing > 0 && withSpace / nonMissing >= TEXT_WHITESPACE_SHARE && distinct > TEXT_MIN_DISTINCT) return "text";
  return "categorical";
}

async function assertParsesAsNumbers(connection: DuckDBConnection, name: string) {
  const column = sqlName(name);
  for (const side of ["reference", "current"] as const) {
    const reader = await connection.runAndReadAll(
      `SELECT CAST(${column} AS VARCHAR) FROM ${side} WHERE ${column} IS NOT NULL AND TRY_CAST(${column} AS DOUBLE) IS NULL LIMIT 1`,
    );
    const bad = reader.getRowsJS()[0]?.[0];
    if (bad !== undefined)
      throw new DriftInputError(
        `Column '${name}' is set to numeric but the ${side} data holds '${String(bad).slice(0, 80)}', which is not a number.`,
        name,
      );
  }
}
