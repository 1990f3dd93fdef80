import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { sarifValidator } from "../../../redteam/src/reports/testing/sarif-validator.js";
import { concatBytes, PickleWriter } from "../pickle/testing/pickle-writer.js";
import { scanBytes } from "../scan/scan-paths.js";
import { toSarif } from "./sarif.js";
import { toJson, toText } from "./text.js";

const evil = new PickleWriter().proto(2).call("os", "system", "echo {hi} </x>").stop().toBytes();
const custom = new PickleWriter().proto(2).global("mypkg.layers", "Block").emptyTuple().reduce().stop().toBytes();

describe("toSarif", () => {
  it("validates against the official SARIF 2.1.0 schema, with findings and without", async () => {
    const validate = await sarifValidator();
    for (const report of [
      await scanBytes("models/evil.pkl", concatBytes(evil, custom)),
      await scanBytes("notes.txt", new TextEncoder().encode("plain text")),
      await scanBytes("blob.bin", Uint8Array.of(0, 1, 2, 3, 0xff)),
    ]) {
      const log = JSON.parse(JSON.stringify(toSarif(report))) as unknown;
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it("maps rules to CWE-502 and ASI04, results to the file and the opcode offset, fingerprints to the finding's", async () => {
    const report = await scanBytes("evil!.pkl", evil);
    const log = toSarif(report) as Log;
    const run = log.runs[0];
    const rule = run?.tool.driver.rules?.find((r) => r.id === "pickle.code-execution-global");
    expect(rule?.properties?.tags).toEqual(
      expect.arrayContaining(["security", "external/cwe/cwe-502", "OWASP-Agentic-ASI04"]),
    );
    expect(rule?.defaultConfiguration?.level).toBe("error");
    const result = run?.results?.find((r) => r.ruleId === "pickle.code-execution-global");
    expect(result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("evil%21.pkl");
    expect(result?.locations?.[0]?.logicalLocations?.[0]?.name).toBe("offset 2");
    expect(result?.partialFingerprints?.["modelScanFinding/v1"]).toBe(report.findings[0]?.fingerprint);
    expect(result?.message.text).toContain("os.system");
  });
});

describe("toText", () => {
  it("lists each file with its findings, highest severity first, and the totals", async () => {
    const report = await scanBytes("model.pkl", concatBytes(evil, custom));
    const text = toText(report);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe(`model.pkl (pickle, ${evil.byteLength + custom.byteLength} bytes) 2 findings`);
    expect(lines[1]).toMatch(/^ {2}CRITICAL +pickle\.code-execution-global \[offset 2\]: Loading calls os\.system$/);
    expect(lines[2]).toMatch(/^ {2}HIGH +pickle\.unsafe-call \[offset \d+\]: Loading calls mypkg\.layers\.Block$/);
    expect(lines.at(-2)).toBe("1 file: 1 scanned, 0 failed, 0 skipped");
    expect(lines.at(-1)).toBe("Findings: 2 (1 critical, 1 high, 0 medium, 0 low, 0 info); highest critical");
  });

  it("says so when nothing was found, and JSON is the report itself", async () => {
    const report = await scanBytes("README.md", new TextEncoder().encode("# A model\n"));
    expect(toText(report)).toBe(
      "README.md (text, 10 bytes) no findings\n\n1 file: 1 scanned, 0 failed, 0 skipped\nFindings: 0 (0 critical, 0 high, 0 medium, 0 low, 0 info)\n",
    );
    expect(JSON.parse(toJson(report))).toEqual(report);
  });
});
