import { defaultLicencePolicy } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { bytesSource } from "../../scan/byte-source.js";
import type { RawFinding, ScanContext } from "../../scan/format-scanner.js";
import { modelCardScanner } from "./model-card-scanner.js";

async function scan(text: string, withPolicy: boolean): Promise<RawFinding[]> {
  const bytes = new TextEncoder().encode(text);
  const findings: RawFinding[] = [];
  const context: ScanContext = {
    path: "README.md",
    name: "README.md",
    depth: 0,
    limits: {
      maxStructureBytes: 1 << 20,
      maxMemoEntries: 1000,
      maxStackDepth: 100,
      maxArchiveDepth: 3,
      maxArchiveEntries: 100,
      maxUncompressedBytes: 1 << 20,
      maxCompressionRatio: 100,
    },
    ...(withPolicy ? { licencePolicy: defaultLicencePolicy } : {}),
    report: (finding) => findings.push(finding),
    scanNested: async () => {},
  };
  expect(modelCardScanner.sniff(bytes.subarray(0, 4096), bytes.byteLength, "README.md")).toBe(true);
  await modelCardScanner.scan(bytesSource(bytes), context);
  return findings;
}

describe("modelCardScanner", () => {
  it("recognises front matter by content, not by name", () => {
    const bytes = new TextEncoder().encode("# Title\n---\n");
    expect(modelCardScanner.sniff(bytes, bytes.byteLength, "README.md")).toBe(false);
    const yaml = new TextEncoder().encode("---\nlicense: mit\n---\n");
    expect(modelCardScanner.sniff(yaml, yaml.byteLength, "weights.bin")).toBe(true);
  });

  it("reports the declared licence, and nothing more without a policy", async () => {
    const findings = await scan("---\nlicense: cc-by-nc-4.0\n---\n# Card\n", false);
    expect(findings).toEqual([expect.objectContaining({ ruleId: "licence.declared", title: "Licence CC-BY-NC-4.0" })]);
  });

  it("reports a forbidden licence and one that needs review under a policy", async () => {
    const forbidden = await scan("---\nlicense: cc-by-nc-4.0\n---\n", true);
    expect(forbidden.map((finding) => finding.ruleId)).toEqual(["licence.declared", "licence.forbidden"]);
    expect(forbidden[1]?.detail).toContain("forbids commercial use");
    const review = await scan("---\nlicense: llama3.2\n---\n", true);
    expect(review.map((finding) => finding.ruleId)).toEqual(["licence.declared", "licence.needs-review"]);
    const allowed = await scan("---\nlicense: apache-2.0\n---\n", true);
    expect(allowed.map((finding) => finding.ruleId)).toEqual(["licence.declared"]);
  });

  it("reports front matter it cannot read instead of throwing", async () => {
    const findings = await scan("---\nlicense: [mit\n---\n", true);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["licence.unreadable"]);
  });
});
