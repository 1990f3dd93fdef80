import type { DriftReport } from "@openaims/contracts";

/** Operation and monitoring of AI systems: what a drift report evidences. */
export const DRIFT_CONTROL = "A.6.2.6";
/** Monitoring, measurement, analysis and evaluation. */
export const DRIFT_CLAUSE = "9.1";

const TITLE_MAX = 200;

/** "Drift report DR-3 of Support bot: 2 of 10 columns drifted", cut to the evidence title's limit. */
export function driftEvidenceTitle(ref: string, systemName: string, report: DriftReport): string {
  const head = `Drift report ${ref} of `;
  const tail = `: ${report.summary.driftedColumns} of ${report.summary.columns} columns drifted`;
  const room = TITLE_MAX - head.length - tail.length;
  const name = systemName.length > room ? `${systemName.slice(0, room - 1)}…` : systemName;
  return `${head}${name}${tail}`;
}

/** What the evidence record says about the report in a few lines; the HTML file holds the rest. */
export function driftEvidenceDescription(ref: string, report: DriftReport, htmlSha256: string): string {
  const drifted = report.summary.drifted;
  const list = drifted.length === 0 ? "none" : drifted.slice(0, 20).join(", ") + (drifted.length > 20 ? ", …" : "");
  return [
    `Drift report ${ref}: ${report.reference.source} (${report.reference.rows} rows) as reference against ${report.current.source} (${report.current.rows} rows), generated ${report.generatedAt}.`,
    `Drifted columns (${report.summary.driftedColumns} of ${report.summary.columns}, share ${report.summary.driftShare.toFixed(3)}): ${list}.`,
    report.summary.datasetDrift ? "The dataset as a whole drifted." : "The dataset as a whole did not drift.",
    `The attached HTML report has SHA-256 ${htmlSha256}.`,
  ].join("\n");
}
