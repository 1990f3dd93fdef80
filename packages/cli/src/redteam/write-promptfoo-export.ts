import { writeFile } from "node:fs/promises";
import { planScan, type ScanConfig, toPromptfooConfig } from "@openaims/redteam";
import { usageError } from "../cli-error.js";
import type { CliIo } from "../io.js";

/** Writes the planned cases as a promptfoo configuration with rule-based assertions. */
export async function writePromptfooExport(config: ScanConfig, file: string, io: CliIo): Promise<void> {
  if (config.target.type !== "openai")
    throw usageError(
      "--export-promptfoo needs an openai target: promptfoo calls the same endpoint with the same messages.",
    );
  const cases = await planScan(config);
  await writeFile(file, toPromptfooConfig(cases, { url: config.target.url, model: config.target.model }));
  io.stdout(`Wrote ${cases.length} test cases as a promptfoo configuration to ${file}.\n`);
}
