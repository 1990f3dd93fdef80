import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import {
  errorBodySchema,
  OBSERVATION_BATCH_MAX,
  observationBatchProblemsSchema,
  pushObservationsResponseSchema,
  type RaisedAlert,
} from "@openaims/contracts";
import { checkObservationBatch, type ObservationInput } from "@openaims/core";
import type { Command } from "commander";
import { z } from "zod";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { parseFlag } from "../input.js";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

interface PushFlags {
  system: string;
  metric?: string;
  value?: string;
  at?: string;
  file?: string;
  batchSize: string;
}

/** An observation read from the command line or a file, with the line it came from. */
interface Row extends ObservationInput {
  line: number;
}

const batchSizeSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(OBSERVATION_BATCH_MAX, `must be at most ${OBSERVATION_BATCH_MAX}`);

export function registerMetricCommands(program: Command, io: CliIo): void {
  const metric = program
    .command("metric")
    .description("Monitoring: push metric observations to a running server (AIMS_URL) with an API token (AIMS_TOKEN)");
  metric
    .command("push")
    .description(
      "Record observations of an AI system's metrics: one with --metric and --value, or many from a CSV (header metric,value,at) or JSON Lines file",
    )
    .requiredOption("--system <slug>", "the AI system, by slug or id")
    .option("--metric <name>", "the metric's name")
    .option("--value <number>", "the observed value")
    .option("--at <time>", "when it was observed, ISO 8601 with a time zone (default: now)")
    .option("--file <path>", "a .csv or .jsonl file of observations")
    .option("--batch-size <n>", "observations per request when sending a file", "5000")
    .addHelpText(
      "after",
      "\nA refused batch prints each row's problem by line and exits 2; nothing of that batch is stored.\n" +
        "Environment:\n  AIMS_URL    address of the running server\n  AIMS_TOKEN  a write-scope API token",
    )
    .action((flags: PushFlags) => pushMetrics(flags, io));
}

/** Splits one CSV line into fields; double quotes may enclose a field and escape a quote by doubling it. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function readCsv(text: string): Row[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = csvFields(lines[0] ?? "").map((h) => h.toLowerCase());
  const column = (name: string) => header.indexOf(name);
  if (column("metric") < 0 || column("value") < 0)
    throw usageError("--file: the CSV's first line must name the columns metric,value and optionally at.");
  const rows: Row[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === "") return;
    const fields = csvFields(line);
    const at = column("at") >= 0 ? fields[column("at")] : undefined;
    rows.push({
      line: index + 2,
      metric: fields[column("metric")],
      value: fields[column("value")],
      at: at || undefined,
    });
  });
  return rows;
}

function readJsonLines(text: string): Row[] {
  const rows: Row[] = [];
  const bad: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      const { metric, value, at } = parsed as Record<string, unknown>;
      rows.push({ line: index + 1, metric, value, at });
    } catch {
      bad.push(`  line ${index + 1}: is not a JSON object such as {"metric":"error_rate","value":0.02}`);
    }
  });
  if (bad.length > 0)
    throw usageError(`--file: ${bad.length} lines cannot be read; nothing was sent.\n${bad.join("\n")}`);
  return rows;
}

async function readRows(flags: PushFlags, io: CliIo): Promise<Row[]> {
  if (flags.file !== undefined) {
    if (flags.metric !== undefined || flags.value !== undefined || flags.at !== undefined)
      throw usageError("Give either --file or --metric with --value, not both.");
    const path = resolve(io.cwd, flags.file);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch {
      throw usageError(`--file: cannot read ${path}.`);
    }
    const kind = extname(path).toLowerCase();
    if (kind === ".csv") return readCsv(text);
    if (kind === ".jsonl" || kind === ".ndjson") return readJsonLines(text);
    throw usageError("--file: must be a .csv or .jsonl file.");
  }
  if (flags.metric === undefined || flags.value === undefined)
    throw usageError("Give --metric and --value for one observation, or --file for many.");
  return [{ line: 0, metric: flags.metric, value: flags.value, at: flags.at }];
}

/** Where a row came from, for messages: a file's line, or the command line's flags. */
const whereOf = (row: Row | undefined, field: string) =>
  row && row.line > 0 ? `line ${row.line} ${field}` : field === "metric" ? "--metric" : `--${field}`;

/** Values and times are checked here first, so a file with a typo sends nothing; the server checks the metrics. */
function checkLocally(rows: readonly Row[]): void {
  const names = new Map(rows.map((r) => [typeof r.metric === "string" ? r.metric.trim() : "", "known"]));
  names.delete("");
  const result = checkObservationBatch(rows, names, new Date());
  if (result.ok) return;
  const lines = result.problems.map((p) => `  ${whereOf(rows[p.row - 1], p.field)}: ${p.message}`);
  throw usageError(`${result.problems.length} problems; nothing was sent.\n${lines.join("\n")}`);
}

async function pushMetrics(flags: PushFlags, io: CliIo): Promise<void> {
  const batchSize = parseFlag(batchSizeSchema, flags.batchSize, "--batch-size");
  const rows = await readRows(flags, io);
  if (rows.length === 0) throw usageError("--file: holds no observations.");
  checkLocally(rows);
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const token = io.env.AIMS_TOKEN?.trim() ?? "";
  let stored = 0;
  const alerts: RaisedAlert[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const body = JSON.stringify({
      system: flags.system,
      observations: batch.map(({ metric, value, at }) => ({ metric, value, ...(at ? { at } : {}) })),
    });
    let response: Response;
    try {
      response = await fetch(`${api.baseUrl}/api/v1/orgs/${orgId}/observations`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
    } catch (error) {
      throw new CliError(ExitCode.unavailable, `Cannot reach the server at ${api.baseUrl} (${String(error)}).`);
    }
    if (!response.ok) throw await refusal(response, batch, stored);
    const result = pushObservationsResponseSchema.parse(await response.json());
    stored += result.stored;
    alerts.push(...result.alerts);
  }
  io.stdout(`Stored ${stored} observation${stored === 1 ? "" : "s"} of ${flags.system}.\n`);
  for (const alert of alerts) {
    const what = alert.kind === "breach" ? "threshold breach" : "missing data";
    io.stdout(`Alert ${alert.ref} ${alert.change}: ${alert.metric} ${alert.level} (${what})\n`);
  }
}

/** The error for a refused batch: each row's problem by line, and what earlier batches stored. */
async function refusal(response: Response, batch: readonly Row[], stored: number): Promise<CliError> {
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  const message = parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`;
  const before = stored > 0 ? ` ${stored} observations of earlier batches were stored.` : "";
  const problems = parsed.success ? observationBatchProblemsSchema.safeParse(parsed.data.error.details) : null;
  if (problems?.success) {
    const lines = problems.data.rows.map((p) => `  ${whereOf(batch[p.row - 1], p.field)}: ${p.message}`);
    const first = batch[0]?.line ?? 0;
    const span = first > 0 ? ` (lines ${first}–${batch[batch.length - 1]?.line})` : "";
    return usageError(`The server refused the batch${span}; nothing of it was stored.${before}\n${lines.join("\n")}`);
  }
  const code =
    response.status === 404
      ? ExitCode.notFound
      : response.status === 400 || response.status === 401
        ? ExitCode.usage
        : response.status === 403 || response.status === 409
          ? ExitCode.refused
          : ExitCode.unexpected;
  return new CliError(code, `${message}${before}`);
}
