/** The published JSON Schema of drift-report.json, generated from the zod schema so the two cannot drift apart. */
import { driftReportSchema } from "@openaims/contracts";
import { z } from "zod";

/** The JSON Schema (draft 2020-12) of the report, in input mode: unknown keys are allowed, as the server's validation strips them. */
export function driftReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(driftReportSchema, { io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
}

/** The schema file's exact text: two-space JSON with a final newline. */
export function driftReportJsonSchemaText(): string {
  return `${JSON.stringify(driftReportJsonSchema(), null, 2)}\n`;
}
