import { relative } from "node:path";
import { type ScanSummary, severityRank } from "@openaims/redteam";
import type { CliIo } from "../io.js";

const LISTED_FINDINGS = 40;

/** The end-of-run report on stdout: totals per category, the findings, and the files written where. */
export function printScanSummary(summary: ScanSummary, outDir: string, files: string[], io: CliIo): void {
  const { totals } = summary;
  const seconds = (summary.durationMs / 1000).toFixed(2);
  io.stdout(
    `Scanned ${summary.target.endpoint}${summary.target.model ? ` (${summary.target.model})` : ""} with ` +
      `${summary.pack.id} ${summary.pack.version}, seed ${summary.seed}: ${totals.cases} cases in ${seconds} s` +
      `${summary.complete ? "" : " (partial)"}.\n\n`,
  );
  const rows = [["category", "cases", "vulnerable", "blocked", "not observed", "inconclusive", "error"]];
  const cells = (counts: ScanSummary["totals"]) =>
    [counts.cases, counts.vulnerable, counts.blocked, counts.not_observed, counts.inconclusive, counts.error].map(
      String,
    );
  for (const [category, counts] of Object.entries(summary.byCategory)) {
    if (counts.cases === 0) continue;
    rows.push([category, ...cells(counts)]);
  }
  rows.push(["total", ...cells(totals)]);
  io.stdout(`${alignTable(rows)}\n`);
  if (totals.blocked > 0)
    io.stdout(
      `${totals.blocked} harmful ${totals.blocked === 1 ? "action was" : "actions were"} blocked by policy (never a failure).\n`,
    );

  const findings = summary.cases
    .filter((c) => c.verdict === "vulnerable")
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.caseId.localeCompare(b.caseId));
  if (findings.length === 0) io.stdout("No vulnerable behaviour observed.\n");
  else {
    io.stdout(`Findings (${findings.length}):\n`);
    for (const finding of findings.slice(0, LISTED_FINDINGS)) {
      const detail = finding.detectors.find((d) => d.outcome === "matched")?.detail ?? "";
      io.stdout(
        `  ${finding.severity.padEnd(8)} ${finding.caseId.padEnd(28)} ${finding.title}\n${" ".repeat(11)}${detail}\n`,
      );
    }
    if (findings.length > LISTED_FINDINGS)
      io.stdout(`  … and ${findings.length - LISTED_FINDINGS} more in the reports.\n`);
  }
  const names = files.map((file) => relative(outDir, file) || file);
  io.stdout(`\nWrote ${names.join(", ")} to ${outDir}\n`);
}

function alignTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join("  "),
    )
    .join("\n");
}
