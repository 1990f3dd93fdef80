import { createHash } from "node:crypto";
import {
  MODEL_SCAN_REPORT_FORMAT,
  MODEL_SCAN_REPORT_VERSION,
  type ModelScanFinding,
  type ModelScanReport,
  type ModelScanSeverity,
} from "@openaims/contracts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A finding as the scanner writes it, with its fingerprint derived from rule, file and location. */
export function modelFindingFixture(
  finding: Pick<ModelScanFinding, "ruleId" | "severity" | "file" | "title"> & Partial<ModelScanFinding>,
): ModelScanFinding {
  const location = finding.location ?? "";
  return {
    location,
    detail: "The file imports a callable outside the allowlist; loading it runs that call.",
    cwe: ["CWE-502"],
    owaspAgentic: ["ASI04"],
    fingerprint: sha256(`${finding.ruleId}\0${finding.file}\0${location}`),
    ...finding,
  };
}

/**
 * A report of the published format over the given files and findings, with its summary counted from
 * them, as `aims model scan --format json` writes it.
 */
export function modelScanReportFixture(
  files: { path: string; format?: ModelScanReport["files"][number]["format"]; content?: string; failed?: boolean }[],
  findings: ModelScanFinding[],
): ModelScanReport {
  const bySeverity: Record<ModelScanSeverity, number> = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const finding of findings) bySeverity[finding.severity] += 1;
  const order: ModelScanSeverity[] = ["critical", "high", "medium", "low", "info"];
  const failed = files.filter((file) => file.failed).length;
  return {
    format: MODEL_SCAN_REPORT_FORMAT,
    formatVersion: MODEL_SCAN_REPORT_VERSION,
    scanner: { name: "openaims-modelscan", version: "0.1.0" },
    roots: [...new Set(files.map((file) => file.path.split("/")[0] ?? file.path))],
    files: files.map((file) => ({
      path: file.path,
      format: file.format ?? "pickle",
      size: file.content?.length ?? 0,
      sha256: file.failed ? null : sha256(file.content ?? file.path),
      status: file.failed ? "failed" : "scanned",
      ...(file.failed ? { error: "permission denied" } : {}),
    })),
    findings,
    summary: {
      files: files.length,
      scanned: files.length - failed,
      failed,
      skipped: 0,
      bySeverity,
      highestSeverity: order.find((severity) => bySeverity[severity] > 0) ?? null,
    },
  };
}

/** A model folder with a malicious pickle beside a clean safetensors file: one critical and one high finding. */
export function maliciousReportFixture(folder = "model"): ModelScanReport {
  return modelScanReportFixture(
    [
      { path: `${folder}/model.safetensors`, format: "safetensors", content: "clean" },
      { path: `${folder}/pytorch_model.bin`, format: "pytorch_zip", content: "evil" },
    ],
    [
      modelFindingFixture({
        ruleId: "pickle.code-execution-global",
        severity: "critical",
        file: `${folder}/pytorch_model.bin!archive/data.pkl`,
        location: "opcode 12 (STACK_GLOBAL)",
        title: "Pickle calls os.system when loaded",
      }),
      modelFindingFixture({
        ruleId: "pickle.unsafe-global",
        severity: "high",
        file: `${folder}/pytorch_model.bin!archive/data.pkl`,
        location: "opcode 40 (GLOBAL)",
        title: "Pickle imports webbrowser.open, outside the allowlist",
      }),
    ],
  );
}
