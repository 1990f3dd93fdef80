import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { exportFormatSchema } from "@openaims/contracts";
import { type Command, Option } from "commander";
import { z } from "zod";
import { parseFlag } from "../input.js";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

interface ExportSoaFlags {
  format: "csv" | "xlsx" | "pdf";
  out: string;
  version?: string;
}

const versionFlagSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, "must be an approved version number such as 3")
  .transform(Number);

export function registerExportCommands(program: Command, io: CliIo): void {
  // `aims export soa --version 3` means the SoA version, not the program's own --version.
  program.enablePositionalOptions();
  const exportCommand = program
    .command("export")
    .description("Download records from a running server (AIMS_URL) with an API token (AIMS_TOKEN)")
    .addHelpText(
      "after",
      "\nEnvironment:\n  AIMS_URL    address of the running server, e.g. http://localhost:8080\n" +
        "  AIMS_TOKEN  an API token (aims_pat_...) of the organisation to export from",
    );
  exportCommand
    .command("soa")
    .description("Download the Statement of Applicability: the current draft, or an approved version")
    .addOption(new Option("--format <format>", "file format").choices(["csv", "xlsx", "pdf"]).makeOptionMandatory())
    .requiredOption("--out <file>", "where to write the file")
    .option("--version <n>", "an approved version number (default: the current draft)")
    .action((flags: ExportSoaFlags) => exportSoa(flags, io));
}

async function exportSoa(flags: ExportSoaFlags, io: CliIo): Promise<void> {
  const format = parseFlag(exportFormatSchema, flags.format, "--format");
  const version = flags.version === undefined ? undefined : parseFlag(versionFlagSchema, flags.version, "--version");
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const query = new URLSearchParams({ format, ...(version === undefined ? {} : { version: String(version) }) });
  const response = await api.get(`/api/v1/orgs/${orgId}/soa/export?${query}`);
  const body = Buffer.from(await response.arrayBuffer());
  const out = resolve(io.cwd, flags.out);
  await writeFile(out, body);
  const hash = response.headers.get("x-content-sha256") ?? "unknown";
  io.stdout(
    `Wrote the Statement of Applicability (${version === undefined ? "current draft" : `version ${version}`}, ` +
      `${format}, ${body.length} bytes) to ${out}.\nContent SHA-256: ${hash}\n`,
  );
}
