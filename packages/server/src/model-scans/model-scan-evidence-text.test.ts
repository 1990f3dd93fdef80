import { describe, expect, it } from "vitest";
import { modelScanControlIds, modelScanRecordTargets } from "./model-scan-evidence-targets.js";
import { modelScanEvidenceBody, modelScanEvidenceTitle } from "./model-scan-evidence-text.js";
import { maliciousReportFixture, modelScanReportFixture } from "./model-scan-test-fixtures.js";
import { scanStatusOf, verdictOf } from "./model-scan-verdict.js";

const none = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };

describe("model scan verdict", () => {
  it("is unsafe for any high or critical finding, whatever else the scan says", () => {
    expect(verdictOf({ status: "completed", bySeverity: { ...none, high: 1 } })).toBe("unsafe");
    expect(verdictOf({ status: "partial", bySeverity: { ...none, critical: 1, low: 4 } })).toBe("unsafe");
  });

  it("needs review for medium or low findings, and is incomplete or clean otherwise, info aside", () => {
    expect(verdictOf({ status: "completed", bySeverity: { ...none, low: 1 } })).toBe("review");
    expect(verdictOf({ status: "partial", bySeverity: { ...none, info: 3 } })).toBe("incomplete");
    expect(verdictOf({ status: "failed", bySeverity: none })).toBe("incomplete");
    expect(verdictOf({ status: "completed", bySeverity: { ...none, info: 3 } })).toBe("clean");
  });

  it("takes the scan status from the files read", () => {
    const summary = (files: number, scanned: number, failed: number, skipped = 0) => ({
      files,
      scanned,
      failed,
      skipped,
      bySeverity: none,
      highestSeverity: null,
    });
    expect(scanStatusOf(summary(2, 2, 0))).toBe("completed");
    expect(scanStatusOf(summary(3, 2, 1))).toBe("partial");
    expect(scanStatusOf(summary(3, 2, 0, 1))).toBe("partial");
    expect(scanStatusOf(summary(1, 0, 1))).toBe("failed");
    expect(scanStatusOf(summary(0, 0, 0))).toBe("failed");
  });
});

describe("model scan evidence", () => {
  it("goes to the supplier and provenance controls and the resource control of the asset's kind", () => {
    expect(modelScanControlIds("model")).toEqual(["A.10.3", "A.7.5", "A.4.4"]);
    expect(modelScanControlIds("dataset")).toEqual(["A.10.3", "A.7.5", "A.4.3"]);
  });

  it("is filed on the scanned asset always, and on the system only when the scan names one", () => {
    expect(modelScanRecordTargets("asset-1", "system-1")).toEqual({
      clauseIds: [],
      riskIds: [],
      systemIds: ["system-1"],
      assetIds: ["asset-1"],
    });
    expect(modelScanRecordTargets("asset-2", null)).toMatchObject({ systemIds: [], assetIds: ["asset-2"] });
  });

  const report = maliciousReportFixture();
  const facts = {
    ref: "MS-7",
    asset: { name: "credit-scorer", kind: "model" },
    system: { name: "Credit | model", slug: "credit-model" },
    origin: "cli" as const,
    verdict: "unsafe" as const,
    report,
    reportSha256: "f".repeat(64),
    signatureStatus: "failed" as const,
    signature: {
      status: "failed" as const,
      predicateType: null,
      signer: "key 12ab",
      changed: ["model/pytorch_model.bin"],
      added: [],
      removed: ["model/config.json"],
      reason: "Digests differ.",
    },
    finishedAt: new Date("2026-12-01T10:00:00Z"),
  };

  it("titles the record with the verdict and the serious counts, cutting a long asset name", () => {
    expect(modelScanEvidenceTitle(facts)).toBe("Model scan MS-7 of credit-scorer: unsafe (1 critical, 1 high)");
    const long = modelScanEvidenceTitle({ ...facts, asset: { name: "m".repeat(300), kind: "model" } });
    expect(long).toHaveLength(200);
    expect(long.endsWith("…: unsafe (1 critical, 1 high)")).toBe(true);
    expect(modelScanEvidenceTitle({ ...facts, verdict: "clean", report: modelScanReportFixture([], []) })).toBe(
      "Model scan MS-7 of credit-scorer: no unsafe content found",
    );
  });

  it("states counts, the signature check and each file's digest, with table cells kept intact", () => {
    const body = modelScanEvidenceBody(facts);
    expect(body).toContain("used by the AI system **Credit \\| model** (`credit-model`)");
    expect(body).toContain("| Findings by severity | critical 1, high 1, medium 0, low 0, info 0 |");
    expect(body).toContain("Signature check failed; signer `key 12ab`; files 1 changed, 1 removed; Digests differ.");
    for (const file of report.files) expect(body).toContain(`\`${file.sha256}\``);
    expect(body).toContain("| model/pytorch_model.bin | PyTorch checkpoint |");
  });
});
