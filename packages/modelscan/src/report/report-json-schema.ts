/** The published JSON Schema of the model-scan report, generated from the zod schema so the two cannot drift apart. */
import { modelScanReportSchema } from "@openaims/contracts";
import { z } from "zod";

/** The JSON Schema (draft 2020-12) of the report, in input mode (fields with defaults may be left out). */
export function modelScanReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(modelScanReportSchema, { io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
}

/** The schema file's exact text: two-space JSON with a final newline. */
export function modelScanReportJsonSchemaText(): string {
  return `${JSON.stringify(modelScanReportJsonSchema(), null, 2)}\n`;
}
