/**
 * `aims model scan PATH...`: scans model files and folders (archives included) for code a load
 * would run and for malformed or hostile structure, and writes the report as text, JSON or SARIF.
 * Exit 0 when no finding reaches --fail-on, 1 when one does, 2 for usage errors (a flag, a format,
 * a missing path, each named).
 */
import { access, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import {
  type LicencePolicy,
  type ModelScanReport,
  type ModelScanSeverity,
  modelScanSeveritySchema,
} from "@openaims/contracts";
import { scanPaths, severityRank, toJson, toSarif, toText } from "@openaims/modelscan";
import { type Command, Option } from "commander";
import { CliError, usageError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import { readLicencePolicyFile } from "../model/licence-policy-file.js";
import { type ModelScanUploadFlags, modelSignatureFor, uploadModelScanReport } from "../model/upload-model-scan.js";

const FORMATS = ["text", "json", "sarif"] as const;
type ScanFormat = (typeof FORMATS)[number];

export interface ModelScanFlags extends ModelScanUploadFlags {
  format: string;
  out?: string;
  failOn?: string;
  upload?: boolean;
  licencePolicy?: string;
}

const scanHelp = `
Formats are recognised by content: pickle (protocols 0-5), PyTorch (zip and legacy), joblib,
NumPy .npy/.npz, Keras, TensorFlow SavedModel, ONNX, safetensors, GGUF, zip/tar/gzip archives.
Unknown content is reported, never passed silently.

Exit codes:
  0   no finding at or above --fail-on (or no --fail-on given)
  1   a finding at or above --fail-on
  2   usage error: unknown flag or format, no path, a path that does not exist
  3   --upload: the server cannot be reached
  4   --upload: the asset or AI system is not in the token's organisation
  5   --upload: the token may not record scans (a read token)

With --upload the report is recorded for --asset (and --system) on the server at AIMS_URL with the
API token AIMS_TOKEN, as evidence on the supply-chain controls; sending the same report again records
nothing new. With --signature, the model's OpenSSF signature is verified offline first and the result
is recorded with the scan.`;

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
    .option(
      "--licence-policy <file>",
      "judge the licences model cards declare against this policy (JSON or YAML, or a saved GET /licence-policy answer)",
    )
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding is at or above this severity").choices(
        modelScanSeveritySchema.options,
      ),
    )
    .option("--upload", "record the scan on a running server (AIMS_URL, AIMS_TOKEN) as evidence for --asset")
    .option("--asset <name>", "with --upload: the model's asset in the inventory, by name or id")
    .option("--system <slug>", "with --upload: the AI system that uses it, by slug or id")
    .option(
      "--signature <file>",
      "with --upload: verify the model's OpenSSF signature (one folder) and record the result",
    )
    .option("--key <pubkey>", "with --signature: the signer's public key (PEM)")
    .option("--certificate-identity <id>", "with --signature, keyless: the signer's identity")
    .option("--certificate-oidc-issuer <url>", "with --signature, keyless: the identity's OIDC issuer")
    .option("--trust-root <file>", "with --signature, keyless: a Sigstore trusted_root.json")
    .addHelpText("after", scanHelp)
    .action((paths: string[], flags: ModelScanFlags) => runModelScan(paths, flags, io));
}

/** The action: check the input, scan, write the report, then judge the exit code. */
export async function runModelScan(paths: string[], flags: ModelScanFlags, io: CliIo): Promise<void> {
  const format = parseFormat(flags.format);
  const failOn = parseFailOn(flags.failOn);
  const roots = await checkPaths(paths, io);
  checkUploadFlags(flags, roots.length);
  const licencePolicy = flags.licencePolicy ? await readLicencePolicyFile(flags.licencePolicy, io.cwd) : undefined;
  const report = await scanModel(roots, licencePolicy);
  await writeReport(report, format, flags.out, io);
  if (flags.upload && flags.asset) {
    const signature = roots[0] ? await modelSignatureFor(roots[0].absolute, flags, io.cwd) : undefined;
    // A JSON or SARIF report on standard output stays parseable: the upload speaks on standard error.
    const say = (text: string) => (format !== "text" && !flags.out ? io.stderr(text) : io.stdout(text));
    await uploadModelScanReport(report, { asset: flags.asset, system: flags.system, signature }, io, say);
  }
  judge(report, failOn);
}

/** --upload needs an asset; the recording flags mean nothing without it; a signature covers one folder. */
function checkUploadFlags(flags: ModelScanFlags, roots: number): void {
  if (flags.upload) {
    if (!flags.asset) throw usageError("--upload needs --asset NAME: the model's asset in the inventory.");
    if (flags.signature && roots !== 1) throw usageError("--signature verifies one model: name one folder or file.");
    return;
  }
  const stray = [
    flags.asset && "--asset",
    flags.system && "--system",
    flags.signature && "--signature",
    flags.key && "--key",
    flags.certificateIdentity && "--certificate-identity",
    flags.certificateOidcIssuer && "--certificate-oidc-issuer",
    flags.trustRoot && "--trust-root",
  ].filter(Boolean);
  if (stray.length > 0) throw usageError(`${stray.join(", ")} only apply with --upload.`);
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

async function scanModel(
  roots: { given: string; absolute: string }[],
  licencePolicy: LicencePolicy | undefined,
): Promise<ModelScanReport> {
  const report = await scanPaths(
    roots.map((root) => root.absolute),
    licencePolicy ? { licencePolicy } : {},
  );
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
