/**
 * `aims model scan PATH...`: scans model files and folders (archives included) for code a load
 * would run and for malformed or hostile structure, and writes the report as text, JSON or SARIF.
 * Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for usage errors (a flag, a format,
 * a missing path, each named).
 */
import { access, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { type ModelScanReport, type ModelScanSeverity, modelScanSeveritySchema } from "@openaims/contracts";
import { scanPaths, severityRank, toJson, toSarif, toText } from "@openaims/modelscan";
import { type Command, Option } from "commander";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";

const FORMATS = ["text", "json", "sarif"] as const;
type ScanFormat = (typeof FORMATS)[number];

export interface ModelScanFlags {
  format: string;
  out?: string;
  failOn?: string;
}

const scanHelp = `
Formats are recognised by content: pickle (protocols 0-5), PyTorch (zip and legacy), joblib,
NumPy .npy/.npz, Keras, TensorFlow SavedModel, ONNX, safetensors, GGUF, zip/tar/gzip archives.
Unknown content is reported, never passed silently.

Exit codes:
  0   no finding at or above --fail-on (or no --fail-on given)
  1   a finding at or above --fail-on
  2   usage error: unknown flag or format, no path, a path that does not exist`;

function modelCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === "model") ??
    program.command("model").description("Model supply chain: scan, hash, sign, verify, provenance")
  );
}

/** Registers `aims model scan`. */
export function registerModelScanCommand(program: Command, io: CliIo): void {
  modelCommand(program)
    .command("scan")
    .description("Scan model files and folders for code that runs on load and for hostile or malformed structure")
    .argument("[paths...]", "files or folders to scan (folders recursively)")
    .addOption(new Option("--format <format>", "report format").choices(FORMATS).default("text"))
    .option("--out <file>", "write the report to this file instead of standard output")
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity").choices(
        modelScanSeveritySchema.options,
      ),
    )
    // --upload --system SLUG --asset NAME: options for recording the scan on a server go here.
    .addHelpText("after", scanHelp)
    .action((paths: string[], flags: ModelScanFlags) => runModelScan(paths, flags, io));
}

/** The action: check the input, scan, write the report, then judge the exit code. */
export async function runModelScan(paths: string[], flags: ModelScanFlags, io: CliIo): Promise<void> {
  const format = parseFormat(flags.format);
  const failOn = parseFailOn(flags.failOn);
  const roots = await checkPaths(paths, io);
  const report = await scanModel(roots, io);
  await writeReport(report, format, flags.out, io);
  // Recording the report on a server (--upload) goes here, between writing and judging.
  judge(report, failOn);
}

function parseFormat(value: string): ScanFormat {
  if (!(FORMATS as readonly string[]).includes(value))
    throw usageError(`--format: expected text, json or sarif, got '${value}'.`);
  return value as ScanFormat;
}

function parseFailOn(value: string | undefined): ModelScanSeverity | null {
  if (value === undefined) return null;
  const parsed = modelScanSeveritySchema.safeParse(value);
  if (!parsed.success) throw usageError(`--fail-on: expected info, low, medium, high or critical, got '${value}'.`);
  return parsed.data;
}

/** Every path must exist; the report shows them as given, relative to the working directory. */
async function checkPaths(paths: string[], io: CliIo): Promise<{ given: string; absolute: string }[]> {
  if (paths.length === 0) throw usageError("Name at least one file or folder to scan.");
  const roots: { given: string; absolute: string }[] = [];
  for (const given of paths) {
    const absolute = resolve(io.cwd, given);
    try {
      await access(absolute);
    } catch {
      throw usageError(`'${given}' does not exist or cannot be read.`);
    }
    roots.push({ given, absolute });
  }
  return roots;
}

async function scanModel(roots: { given: string; absolute: string }[], io: CliIo): Promise<ModelScanReport> {
  const report = await scanPaths(roots.map((root) => root.absolute));
  // scanPaths names roots by the paths it was given; show them as they were typed.
  return { ...report, roots: roots.map((root) => root.given) };
}

async function writeReport(report: ModelScanReport, format: ScanFormat, out: string | undefined, io: CliIo) {
  const text =
    format === "json"
      ? toJson(report)
      : format === "sarif"
        ? `${JSON.stringify(toSarif(report), null, 2)}\n`
        : toText(report);
  if (!out) {
    io.stdout(text);
    return;
  }
  const path = resolve(io.cwd, out);
  try {
    await writeFile(path, text);
  } catch (error) {
    throw usageError(`--out: cannot write '${out}': ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
  const { summary } = report;
  io.stdout(
    `Scanned ${summary.files} file${summary.files === 1 ? "" : "s"}: ${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}${summary.highestSeverity ? `, highest ${summary.highestSeverity}` : ""}. Wrote ${relative(io.cwd, path) || path}\n`,
  );
}

function judge(report: ModelScanReport, failOn: ModelScanSeverity | null): void {
  if (failOn === null) return;
  const over = report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(failOn));
  if (over.length > 0) {
    throw new CliError(
      ExitCode.checkFailed,
      `${over.length} finding${over.length === 1 ? "" : "s"} at or above ${failOn} (--fail-on ${failOn}).`,
    );
  }
}
