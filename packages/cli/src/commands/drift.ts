/**
 * `aims drift report`: compares a current data file with a reference file column by column and
 * writes drift-report.html and drift-report.json. Exit 0 when the report is written, whether or not
 * anything drifted (drift is a finding, not a failure), unless --fail-on-drift asks for exit 1 when
 * any column drifted; exit 2 for bad flags or bad input, with the column named.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { DriftColumnKind, DriftReport } from "@openaims/contracts";
import { driftColumnKinds } from "@openaims/contracts";
import { type Command, Option } from "commander";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { DRIFT_HTML_FILE, DRIFT_JSON_FILE } from "./drift-upload.js";

interface ReportFlags {
  reference: string;
  current: string;
  out: string;
  columns?: string;
  target?: string;
  prediction?: string;
  format: string;
  sample?: string;
  kind?: string[];
  failOnDrift?: boolean;
}

const FORMATS = ["html", "json"] as const;

function driftCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === "drift") ??
    program.command("drift").description("Data and prediction drift reports")
  );
}

/** Registers `aims drift report`. */
export function registerDriftReportCommand(program: Command, io: CliIo): void {
  driftCommand(program)
    .command("report")
    .description(
      "Compare a current data file with a reference file (CSV, Parquet or JSON Lines): per column KS, Wasserstein, PSI, chi-square, missing values, text descriptors, and model quality",
    )
    .requiredOption("--reference <file>", "the reference data (CSV, Parquet or JSON Lines)")
    .requiredOption("--current <file>", "the current data to compare with it")
    .requiredOption("--out <dir>", "the directory to write drift-report.html and drift-report.json into")
    .option("--columns <list>", "comma-separated columns to compare (default: every column of the reference)")
    .option("--target <column>", "the label column (target drift; model quality with --prediction)")
    .option("--prediction <column>", "the model's prediction column (a label, or a score in [0, 1])")
    .option("--format <list>", "html, json or both", "html,json")
    .option("--sample <rows>", "compare a random sample of this many rows per side instead of all rows")
    .option(
      "--kind <column=kind>",
      `set a column's kind instead of the inferred one (${driftColumnKinds.join(", ")}); repeatable`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(new Option("--fail-on-drift", "exit 1 when any column drifted"))
    .action((flags: ReportFlags) => writeDriftReport(flags, io));
}

function parseList(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw usageError(`${flag}: name at least one column.`);
  return items;
}

function parseKinds(values: string[] | undefined): Record<string, DriftColumnKind> | undefined {
  if (!values?.length) return undefined;
  const kinds: Record<string, DriftColumnKind> = {};
  for (const value of values) {
    const at = value.lastIndexOf("=");
    const column = value.slice(0, at).trim();
    const kind = value.slice(at + 1).trim();
    if (at <= 0 || !column || !(driftColumnKinds as readonly string[]).includes(kind))
      throw usageError(`--kind: expected column=${driftColumnKinds.join("|")}, got '${value}'.`);
    kinds[column] = kind as DriftColumnKind;
  }
  return kinds;
}

async function writeDriftReport(flags: ReportFlags, io: CliIo): Promise<void> {
  const formats = parseList(flags.format, "--format") ?? [];
  for (const format of formats)
    if (!(FORMATS as readonly string[]).includes(format))
      throw usageError(`--format: expected html, json or both (html,json), got '${format}'.`);
  let sample: number | undefined;
  if (flags.sample !== undefined) {
    sample = Number(flags.sample);
    if (!Number.isInteger(sample) || sample <= 0)
      throw usageError(`--sample: expected a whole number of rows above 0, got '${flags.sample}'.`);
  }
  const outDir = resolve(io.cwd, flags.out);
  // Loaded here so that other commands do not load DuckDB.
  const { DriftInputError, runDriftReport } = await import("@openaims/drift");
  let result: Awaited<ReturnType<typeof runDriftReport>>;
  try {
    result = await runDriftReport({
      reference: resolve(io.cwd, flags.reference),
      current: resolve(io.cwd, flags.current),
      columns: parseList(flags.columns, "--columns"),
      target: flags.target,
      prediction: flags.prediction,
      sample,
      kinds: parseKinds(flags.kind),
    });
  } catch (error) {
    if (error instanceof DriftInputError) throw usageError(error.message);
    throw error;
  }
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  if (formats.includes("html")) {
    await writeFile(join(outDir, DRIFT_HTML_FILE), result.html);
    written.push(join(outDir, DRIFT_HTML_FILE));
  }
  if (formats.includes("json")) {
    await writeFile(join(outDir, DRIFT_JSON_FILE), `${JSON.stringify(result.report, null, 2)}\n`);
    written.push(join(outDir, DRIFT_JSON_FILE));
  }
  io.stdout(formatSummary(result.report));
  io.stdout(`Wrote ${written.map((path) => relative(io.cwd, path) || path).join(", ")}\n`);
  if (flags.failOnDrift && result.report.summary.driftedColumns > 0)
    throw new CliError(
      ExitCode.checkFailed,
      `${result.report.summary.driftedColumns} column(s) drifted (--fail-on-drift).`,
    );
}

const short = (value: number) =>
  Math.abs(value) >= 1e-3 || value === 0 ? Number(value.toPrecision(4)).toString() : value.toExponential(2);

function columnLine(column: DriftReport["columns"][number]): string {
  const s = column.statistics;
  let detail = "";
  if (s?.kind === "numeric")
    detail = `KS D = ${short(s.ks.statistic)}, p = ${short(s.ks.pValue)}; Wasserstein ${short(s.wasserstein)}; PSI ${short(s.psi.value)}`;
  else if (s?.kind === "categorical")
    detail = `chi-square ${s.chiSquare ? `${short(s.chiSquare.statistic)}, p = ${short(s.chiSquare.pValue)}` : "–"}; PSI ${short(s.psi.value)}${s.newCategories.length ? `; new: ${s.newCategories.slice(0, 5).join(", ")}` : ""}`;
  else if (s?.kind === "text")
    detail = `descriptors drifted: ${
      s.descriptors
        .filter((d) => d.drifted)
        .map((d) => d.descriptor)
        .join(", ") || "none"
    }`;
  const missing =
    column.missing.shareChange !== 0
      ? `; missing ${(column.missing.reference.share * 100).toFixed(1)}% → ${(column.missing.current.share * 100).toFixed(1)}%`
      : "";
  return `  ${column.drifted ? "DRIFT   " : "ok      "}${column.name} (${column.kind}${column.role === "feature" ? "" : `, ${column.role}`}): ${detail}${missing}`;
}

function formatSummary(report: DriftReport): string {
  const { summary } = report;
  const lines = [
    `Drift report: ${summary.driftedColumns} of ${summary.columns} columns drifted (${(summary.driftShare * 100).toFixed(0)}%)${summary.datasetDrift ? ", the data set drifted" : ""}.`,
    `  reference ${report.reference.source} (${report.reference.rowsUsed.toLocaleString("en")} rows), current ${report.current.source} (${report.current.rowsUsed.toLocaleString("en")} rows)${report.sample !== null ? `, sample of ${report.sample} rows per side` : ""}`,
    ...report.columns.map(columnLine),
  ];
  const q = report.quality;
  if (q?.current) {
    const f = (v: number | null) => (v === null ? "–" : short(v));
    lines.push(
      `  model quality (current): accuracy ${f(q.current.accuracy)}, F1 ${f(q.current.f1 ?? q.current.macroF1)}, ROC AUC ${f(q.current.rocAuc)}, calibration error ${f(q.current.calibrationError)}` +
        (q.reference ? ` (reference: accuracy ${f(q.reference.accuracy)})` : ""),
    );
  }
  return `${lines.join("\n")}\n`;
}
