import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { aibomImportReportSchema } from "@openaims/contracts";
import { validateAibom } from "@openaims/modelscan";
import type { Command } from "commander";
import { checkFailed, usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

const ENVIRONMENT_HELP =
  "\nEnvironment:\n  AIMS_URL    address of the running server\n  AIMS_TOKEN  an API token (write scope for import)";

/** Registers `aims aibom export | validate | import`: CycloneDX 1.6 AI bills of materials. */
export function registerAibomCommands(program: Command, io: CliIo): void {
  const aibom = program.command("aibom").description("AI bills of materials (CycloneDX 1.6)");
  aibom
    .command("export")
    .description("Download the AI-BOM of one AI system or of the whole inventory from a running server")
    .option("--system <slug>", "the AI system, by slug or id")
    .option("--all", "the whole inventory")
    .requiredOption("--out <file>", "where to write the BOM, e.g. bom.cdx.json")
    .addHelpText("after", ENVIRONMENT_HELP)
    .action((flags: { system?: string; all?: boolean; out: string }) => exportAibom(flags, io));
  aibom
    .command("validate")
    .description("Check a file against the CycloneDX 1.6 JSON schema, offline; exits 1 naming each error's path")
    .argument("<file>", "the BOM, as JSON")
    .action((file: string) => validateAibomFile(file, io));
  aibom
    .command("import")
    .description(
      "Create or update the assets an AI-BOM describes on a running server, all or nothing; --dry-run only reports what would change",
    )
    .argument("<file>", "the BOM, as JSON")
    .option("--dry-run", "check and report, change nothing")
    .addHelpText("after", ENVIRONMENT_HELP)
    .action((file: string, flags: { dryRun?: boolean }) => importAibom(file, flags, io));
}

async function readBom(file: string, io: CliIo): Promise<{ text: string; document: unknown }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch {
    throw usageError(`Cannot read ${file}.`);
  }
  try {
    return { text, document: JSON.parse(text) };
  } catch {
    throw checkFailed(`${file} is not JSON, so it is not a CycloneDX JSON BOM.`);
  }
}

async function exportAibom(flags: { system?: string; all?: boolean; out: string }, io: CliIo): Promise<void> {
  if (Boolean(flags.system) === Boolean(flags.all)) throw usageError("Give either --system <slug> or --all.");
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const query = flags.system ? `?system=${encodeURIComponent(flags.system)}` : "";
  const response = await api.get(`/api/v1/orgs/${orgId}/aibom${query}`);
  const text = await response.text();
  const out = resolve(io.cwd, flags.out);
  await writeFile(out, text);
  const bom = JSON.parse(text) as { components?: unknown[]; services?: unknown[] };
  io.stdout(
    `Wrote ${flags.out}: ${bom.components?.length ?? 0} components and ${bom.services?.length ?? 0} services (CycloneDX 1.6).\n`,
  );
}

async function validateAibomFile(file: string, io: CliIo): Promise<void> {
  const { document } = await readBom(file, io);
  const result = validateAibom(document);
  if (result.valid) {
    io.stdout(`${file} is a valid CycloneDX 1.6 BOM.\n`);
    return;
  }
  const lines = result.errors.map((error) => `  ${error.path}: ${error.message}`);
  throw checkFailed(`${file} is not a valid CycloneDX 1.6 BOM:\n${lines.join("\n")}`);
}

async function importAibom(file: string, flags: { dryRun?: boolean }, io: CliIo): Promise<void> {
  const { text, document } = await readBom(file, io);
  const checked = validateAibom(document);
  if (!checked.valid) {
    const lines = checked.errors.map((error) => `  ${error.path}: ${error.message}`);
    throw checkFailed(`${file} is not a valid CycloneDX 1.6 BOM; nothing was sent:\n${lines.join("\n")}`);
  }
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const dryRun = flags.dryRun === true;
  const response = await api.post(
    `/api/v1/orgs/${orgId}/aibom/import?dryRun=${dryRun}`,
    Buffer.from(text),
    "application/vnd.cyclonedx+json",
  );
  const report = aibomImportReportSchema.parse(await response.json());
  const { summary } = report;
  const lines = report.assets
    .filter((asset) => asset.action !== "unchanged")
    .map(
      (asset) =>
        `  ${asset.action} ${asset.kind} '${asset.name}'${asset.changedFields.length ? ` (${asset.changedFields.join(", ")})` : ""}`,
    );
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  const verb = dryRun ? "Would create" : "Created";
  io.stdout(
    `${verb} ${summary.create}, ${dryRun ? "update" : "updated"} ${summary.update}, left ${summary.unchanged} unchanged, ${summary.links} new system links, ${summary.skipped} components skipped.${dryRun ? " Nothing was changed (dry run)." : ""}\n${lines.length ? `${lines.join("\n")}\n` : ""}`,
  );
}
