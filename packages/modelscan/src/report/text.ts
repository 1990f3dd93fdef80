import type { ModelScanFinding, ModelScanReport } from "@openaims/contracts";
import { severityRank } from "../scan/report-builder.js";

/**
 * A readable summary of a scan: each file with its format and status, its findings grouped by
 * severity (highest first), then the totals. Plain text, no colours, the same for the same report.
 */
export function toText(report: ModelScanReport): string {
  const lines: string[] = [];
  const byFile = new Map<string, ModelScanFinding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const file of report.files) {
    const findings = byFile.get(file.path) ?? [];
    const status = file.status === "scanned" ? "" : ` — ${file.status}${file.error ? `: ${file.error}` : ""}`;
    const verdict =
      findings.length === 0 ? "no findings" : `${findings.length} finding${findings.length === 1 ? "" : "s"}`;
    lines.push(`${file.path} (${file.format}, ${file.size} bytes) ${verdict}${status}`);
    const sorted = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const finding of sorted) {
      const where = finding.location ? ` [${finding.location}]` : "";
      lines.push(`  ${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}${where}: ${finding.title}`);
    }
  }
  // Findings on paths that are not files of the report (none today), so nothing is ever hidden.
  for (const [path, findings] of byFile) {
    if (report.files.some((file) => file.path === path)) continue;
    for (const finding of findings)
      lines.push(`${path}: ${finding.severity.toUpperCase()} ${finding.ruleId}: ${finding.title}`);
  }
  const { summary } = report;
  const counts = (["critical", "high", "medium", "low", "info"] as const)
    .map((severity) => `${summary.bySeverity[severity]} ${severity}`)
    .join(", ");
  if (lines.length > 0) lines.push("");
  lines.push(
    `${summary.files} file${summary.files === 1 ? "" : "s"}: ${summary.scanned} scanned, ${summary.failed} failed, ${summary.skipped} skipped`,
  );
  lines.push(
    `Findings: ${report.findings.length} (${counts})${summary.highestSeverity ? `; highest ${summary.highestSeverity}` : ""}`,
  );
  return `${lines.join("\n")}\n`;
}

/** The report as published JSON (two-space indented, ending in a newline). */
export function toJson(report: ModelScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
