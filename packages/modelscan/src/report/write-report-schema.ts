/**
 * Writes docs/schemas/model-scan-report.schema.json from the zod schema, formatted by the
 * repository's formatter. Run after changing the report format:
 *   node --import tsx packages/modelscan/src/report/write-report-schema.ts
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { modelScanReportJsonSchemaText } from "./report-json-schema.js";

const schemaFile = fileURLToPath(new URL("../../../../docs/schemas/model-scan-report.schema.json", import.meta.url));
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

await writeFile(schemaFile, modelScanReportJsonSchemaText());
execFileSync(process.execPath, [biome, "format", "--write", schemaFile], { stdio: "inherit" });
console.log(`Wrote ${schemaFile}`);
