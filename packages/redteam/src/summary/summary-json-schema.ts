/** The published JSON Schema of summary.json, generated from the zod schema so the two cannot drift. */
import { z } from "zod";
import { scanSummarySchema } from "./summary-schema.js";

/**
 * The JSON Schema (draft 2020-12) of the summary. Input mode: unknown keys are allowed, as the
 * server's validation strips them instead of refusing them. The cross-field count checks of the
 * zod schema cannot be expressed and are left out.
 */
export function summaryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scanSummarySchema, { io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
}

/** The schema file's exact text: two-space JSON with a final newline. */
export function summaryJsonSchemaText(): string {
  return `${JSON.stringify(summaryJsonSchema(), null, 2)}\n`;
}
