import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { exampleSummary } from "./summary-example.js";
import { summaryJsonSchema } from "./summary-json-schema.js";

const publishedFile = new URL("../../schemas/summary.schema.json", import.meta.url);

let validator: ReturnType<Ajv2020["compile"]> | undefined;
function compileSummaryValidator() {
  if (validator) return validator;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  validator = ajv.compile(summaryJsonSchema());
  return validator;
}

describe("summary JSON Schema", () => {
  it("is committed up to date (regenerate with src/summary/write-summary-schema.ts)", async () => {
    const published = JSON.parse(await readFile(publishedFile, "utf8")) as unknown;
    expect(published).toEqual(summaryJsonSchema());
  });

  it("validates a realistic summary with ajv", () => {
    const validate = compileSummaryValidator();
    const summary = JSON.parse(JSON.stringify(exampleSummary())) as unknown;
    expect(validate(summary), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a summary missing a field or carrying a wrong enum value", () => {
    const validate = compileSummaryValidator();
    const { seed: _seed, ...withoutSeed } = exampleSummary();
    expect(validate(withoutSeed)).toBe(false);
    const summary = exampleSummary();
    const badSeverity = { ...summary, cases: summary.cases.map((c) => ({ ...c, severity: "severe" })) };
    expect(validate(badSeverity)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe("/cases/0/severity");
  });
});
