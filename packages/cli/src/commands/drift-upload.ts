import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { driftReportRowSchema, driftReportSchema, idSchema } from "@openaims/contracts";
import type { Command } from "commander";
import { usageError } from "../cli-error.js";
import { parseFlag } from "../input.js";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

interface UploadFlags {
  system: string;
  report: string;
  asset?: string;
  title?: string;
}

/** The files `aims drift report` writes into its output directory. */
export const DRIFT_JSON_FILE = "drift-report.json";
export const DRIFT_HTML_FILE = "drift-report.html";

/** The `drift` command, made here or by whichever registration came first. */
function driftCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === "drift") ??
    program.command("drift").description("Data and prediction drift reports")
  );
}

/** Registers `aims drift upload`, which sends a report to a running server (AIMS_URL, AIMS_TOKEN). */
export function registerDriftUploadCommand(program: Command, io: CliIo): void {
  driftCommand(program)
    .command("upload")
    .description(
      "Send a drift report (drift-report.json and drift-report.html of an `aims drift report` output directory) to a running server, as evidence on the AI system's monitoring controls and as drift metrics",
    )
    .requiredOption("--system <slug>", "the AI system, by slug or id")
    .requiredOption("--report <dir>", "the directory `aims drift report --out` wrote")
    .option("--asset <id>", "the dataset asset the report compares, by id")
    .option("--title <text>", "a title for the report (default: what drifted, and the current data's name)")
    .addHelpText(
      "after",
      "\nEnvironment:\n  AIMS_URL    address of the running server\n  AIMS_TOKEN  a write-scope API token",
    )
    .action((flags: UploadFlags) => uploadDriftReport(flags, io));
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch {
    throw usageError(`--report: cannot read ${what} ${path}.`);
  }
}

/** The summary, checked against the published schema here so a bad file is named before anything is sent. */
function parseSummary(text: string, path: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw usageError(`--report: ${path} is not JSON.`);
  }
  const checked = driftReportSchema.safeParse(parsed);
  if (!checked.success) {
    const lines = checked.error.issues
      .slice(0, 20)
      .map((issue) => `  ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw usageError(`--report: ${path} is not a drift report summary; nothing was sent.\n${lines.join("\n")}`);
  }
  return checked.data;
}

async function uploadDriftReport(flags: UploadFlags, io: CliIo): Promise<void> {
  const assetId = flags.asset === undefined ? undefined : parseFlag(idSchema, flags.asset, "--asset");
  const dir = resolve(io.cwd, flags.report);
  const jsonPath = join(dir, DRIFT_JSON_FILE);
  const htmlPath = join(dir, DRIFT_HTML_FILE);
  const summary = parseSummary(await readText(jsonPath, "the summary"), jsonPath);
  const html = await readText(htmlPath, "the HTML report (write it with --format html,json)");
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const body = JSON.stringify({
    system: flags.system,
    ...(assetId ? { assetId } : {}),
    ...(flags.title ? { title: flags.title } : {}),
    summary,
    html,
  });
  const response = await api.post(`/api/v1/orgs/${orgId}/drift-reports`, body, "application/json");
  const report = driftReportRowSchema.parse(await response.json());
  const evidence = report.evidence ? `; evidence ${report.evidence.ref}` : "";
  io.stdout(
    `Recorded drift report ${report.ref} of ${report.system?.slug ?? flags.system}: ${report.columnsDrifted} of ${report.columnsTotal} columns drifted${evidence}.\n`,
  );
}
