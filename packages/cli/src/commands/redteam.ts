import { join, resolve } from "node:path";
import {
  type Category,
  categories,
  loadScanConfig,
  parseScanConfig,
  parseTargetShorthand,
  type ReportFormat,
  reportFormats,
  type ScanConfig,
  ScanConfigError,
  type ScanSummary,
  type Severity,
  scanToFolder,
  severities,
  severityRank,
} from "@openaims/redteam";
import { type Command, Option } from "commander";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode, type ExitCodeValue } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { printScanSummary } from "../redteam/print-scan-summary.js";
import { defaultResultsRoot, runFolderName } from "../redteam/results-dir.js";

interface RedteamFlags {
  config?: string;
  target?: string;
  model?: string;
  seed?: string;
  concurrency?: string;
  outDir?: string;
  format: string;
  failOn?: Severity;
  category?: string[];
  probe?: string[];
  pack?: string[];
  variants: boolean;
  repeat?: string;
  maxCases?: string;
  upload?: boolean;
  system?: string;
  exportPromptfoo?: string;
}

const redteamHelp = `
Quick start (no file): aims redteam --target openai:http://127.0.0.1:8000/v1 --model NAME
Targets on the command line: openai:URL (with --model), http:URL, command:PROGRAM ARGS
Full configuration: --config scan.yaml (YAML or JSON); flags override the file's seed and concurrency.

Exit codes: 0 done (no finding at or above --fail-on), 1 a finding at or above --fail-on,
2 bad flags or configuration, or the target could not be reached, 130 interrupted (partial results kept).

Environment for --upload:
  AIMS_URL    address of the running server, e.g. http://localhost:8080
  AIMS_TOKEN  an API token (aims_pat_...) with write access to the organisation`;

export function registerRedteamCommand(program: Command, io: CliIo): void {
  program
    .command("redteam")
    .description("Test an LLM application for prompt injection, data exposure, tool misuse and more")
    .option("--config <file>", "scan configuration (YAML or JSON)")
    .option("--target <spec>", "quick-start target, e.g. openai:http://127.0.0.1:8000/v1")
    .option("--model <name>", "model name for an openai target")
    .option("--seed <n>", "run seed: same seed and same target behaviour give the same results")
    .option("--concurrency <n>", "test cases in flight at once (default 8)")
    .option(
      "--out-dir <dir>",
      "where to write the transcript and reports (default: a new folder per run under $XDG_STATE_HOME/openaims/redteam-results or ~/.local/state/openaims/redteam-results)",
    )
    .option("--format <list>", `reports to write, any of ${reportFormats.join(",")}`, reportFormats.join(","))
    .addOption(
      new Option(
        "--fail-on <severity>",
        "exit 1 when a finding at or above this severity is vulnerable (a case blocked by policy never fails)",
      ).choices(severities),
    )
    .option("--category <name...>", `only these categories (${categories.join(", ")})`)
    .option("--probe <id...>", "only these probe ids")
    .option(
      "--pack <file...>",
      "add probe packs (the default pack is always included unless the config says otherwise)",
    )
    .option("--no-variants", "run only the plain form of each probe, not its encoded variants")
    .option("--repeat <n>", "run the plan this many times with fresh canaries")
    .option("--max-cases <n>", "stop planning after this many test cases")
    .option("--upload", "file the results as evidence on a running server (AIMS_URL, AIMS_TOKEN)")
    .option("--system <slug>", "the AI system the results belong to (with --upload)")
    .option("--export-promptfoo <file>", "write the planned cases as a promptfoo configuration and exit")
    .addHelpText("after", redteamHelp)
    .action(async (flags: RedteamFlags) => {
      const code = await redteam(flags, io);
      if (code !== ExitCode.ok) throw new CliError(code, "");
    });
}

async function redteam(flags: RedteamFlags, io: CliIo): Promise<ExitCodeValue> {
  if (flags.upload && !flags.system)
    throw usageError("--upload needs --system SLUG: the AI system the results belong to.");
  if (flags.system && !flags.upload) throw usageError("--system is only used with --upload.");
  const { config, configFile } = await configFrom(flags, io);
  const formats = parseFormats(flags.format);
  if (flags.exportPromptfoo) {
    const { writePromptfooExport } = await import("../redteam/write-promptfoo-export.js");
    await writePromptfooExport(config, resolve(io.cwd, flags.exportPromptfoo), io);
    return ExitCode.ok;
  }

  const outDir = flags.outDir
    ? resolve(io.cwd, flags.outDir)
    : join(defaultResultsRoot(io.env), runFolderName(new Date()));
  const controller = new AbortController();
  void io.waitForShutdown().then(() => {
    io.stderr("Stopping: finishing the cases in flight and writing partial results…\n");
    controller.abort();
  });
  const progress = progressPrinter(io);
  const { summary, files } = await scanToFolder({
    config,
    env: io.env,
    outDir,
    formats,
    signal: controller.signal,
    onProgress: progress,
    ...(configFile ? { configFile } : {}),
  });
  printScanSummary(summary, outDir, files, io);
  // An interrupted run must not pass a --fail-on gate nor be filed as evidence: its results are partial.
  if (controller.signal.aborted)
    throw new CliError(ExitCode.interrupted, "Interrupted: the partial results are written, and nothing was uploaded.");
  if (summary.totals.cases > 0 && summary.totals.error === summary.totals.cases)
    throw new CliError(ExitCode.usage, `No test case reached the target. ${summary.problems.join(" ")}`.trim());
  if (flags.upload && flags.system) {
    // The API client loads the server's contracts; only uploads need them.
    const { uploadScan } = await import("../redteam/upload-scan.js");
    await uploadScan(summary, outDir, flags.system, io);
  }
  if (!summary.complete)
    throw new CliError(ExitCode.usage, `The run did not complete. ${summary.problems.join(" ")}`.trim());
  return failsOn(summary, flags.failOn) ? ExitCode.checkFailed : ExitCode.ok;
}

async function configFrom(flags: RedteamFlags, io: CliIo): Promise<{ config: ScanConfig; configFile?: string }> {
  if (flags.config && flags.target) throw usageError("Give either --config or --target, not both.");
  if (!flags.config && !flags.target)
    throw usageError("Say what to test: --target openai:URL --model NAME, or --config FILE.");
  const overrides = {
    ...(flags.seed !== undefined ? { seed: integerFlag(flags.seed, "--seed") } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: integerFlag(flags.concurrency, "--concurrency") } : {}),
    ...(flags.repeat !== undefined ? { repeat: integerFlag(flags.repeat, "--repeat") } : {}),
    ...(flags.maxCases !== undefined ? { maxCases: integerFlag(flags.maxCases, "--max-cases") } : {}),
    ...(flags.category ? { categories: flags.category.map((name) => categoryFlag(name)) } : {}),
    ...(flags.probe ? { probes: flags.probe } : {}),
    ...(flags.variants === false ? { variants: false } : {}),
  };
  try {
    if (flags.config) {
      const file = resolve(io.cwd, flags.config);
      const loaded = await loadScanConfig(file);
      const packs = [...loaded.config.packs, ...(flags.pack ?? []).map((pack) => resolve(io.cwd, pack))];
      const config = parseScanConfig({ ...loaded.config, ...overrides, packs }, file);
      return { config, configFile: file };
    }
    const target = parseTargetShorthand(flags.target ?? "", flags.model ? { model: flags.model } : {});
    const packs = ["default", ...(flags.pack ?? []).map((pack) => resolve(io.cwd, pack))];
    return { config: parseScanConfig({ target, packs, ...overrides }, "The command line") };
  } catch (error) {
    if (error instanceof ScanConfigError) throw usageError(error.message);
    if (error instanceof Error && error.name === "TargetConfigError") throw usageError(error.message);
    throw error;
  }
}

function integerFlag(value: string, flag: string): number {
  if (!/^\d{1,10}$/.test(value)) throw usageError(`${flag}: must be a whole number, got '${value}'.`);
  return Number(value);
}

function categoryFlag(name: string): Category {
  const category = categories.find((known) => known === name);
  if (!category) throw usageError(`--category: unknown category '${name}'; one of ${categories.join(", ")}.`);
  return category;
}

function parseFormats(list: string): ReportFormat[] {
  const formats = list
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = formats.filter((format) => !(reportFormats as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0)
    throw usageError(`--format: unknown format '${unknown.join(",")}'; any of ${reportFormats.join(",")}.`);
  return formats as ReportFormat[];
}

function failsOn(summary: ScanSummary, threshold: Severity | undefined): boolean {
  if (!threshold) return false;
  return summary.cases.some((c) => c.verdict === "vulnerable" && severityRank(c.severity) >= severityRank(threshold));
}

/** One line at every tenth of the plan (and the end), so long runs show they are alive. */
function progressPrinter(io: CliIo) {
  let nextTenth = 1;
  let vulnerable = 0;
  return (done: number, total: number, latest: ScanSummary["cases"][number]) => {
    if (latest.verdict === "vulnerable") vulnerable++;
    if (total < 50 || done < (total * nextTenth) / 10) return;
    while (done >= (total * nextTenth) / 10) nextTenth++;
    io.stderr(`  ${done}/${total} cases, ${vulnerable} vulnerable\n`);
  };
}
