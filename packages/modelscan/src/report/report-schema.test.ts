import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { PickleWriter } from "../pickle/testing/pickle-writer.js";
import { scanBytes } from "../scan/scan-paths.js";
import { modelScanReportJsonSchema } from "./report-json-schema.js";

const publishedFile = new URL("../../../../docs/schemas/model-scan-report.schema.json", import.meta.url);

describe("the published JSON Schema of the model-scan report", () => {
  it("is the one generated from the contract, and accepts the engine's reports", async () => {
    const published = JSON.parse(await readFile(publishedFile, "utf8")) as unknown;
    expect(published, "regenerate with packages/modelscan/src/report/write-report-schema.ts").toEqual(
      modelScanReportJsonSchema(),
    );
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(published as object);
    const evil = new PickleWriter().proto(2).call("os", "system", "id").stop().toBytes();
    const report = JSON.parse(JSON.stringify(await scanBytes("model.pkl", evil))) as Record<string, unknown>;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, format: "other" })).toBe(false);
    expect(validate({ ...report, findings: [{ ruleId: "x" }] })).toBe(false);
  });
});
