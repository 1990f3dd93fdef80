/**
 * Writes schemas/summary.schema.json from the zod schema, formatted by the repository's formatter.
 * Run after changing the summary format:
 *   node --import tsx packages/redteam/src/summary/write-summary-schema.ts
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { summaryJsonSchemaText } from "./summary-json-schema.js";

const summarySchemaFile = fileURLToPath(new URL("../../schemas/summary.schema.json", import.meta.url));
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

await writeFile(summarySchemaFile, summaryJsonSchemaText());
execFileSync(process.execPath, [biome, "format", "--write", summarySchemaFile], { stdio: "inherit" });
console.log(`Wrote ${summarySchemaFile}`);
