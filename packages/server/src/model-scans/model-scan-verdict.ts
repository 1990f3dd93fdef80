import type { ModelScanReport, ModelScanStatus, ModelScanVerdict } from "@openaims/contracts";

type Counts = ModelScanReport["summary"]["bySeverity"];

/**
 * The scan's verdict in one word: unsafe for any high or critical finding (a file that may run code
 * when loaded), review for medium or low findings, incomplete when nothing serious was found but not
 * every file could be read, clean otherwise. Info findings never change the verdict.
 */
export function verdictOf(scan: { status: ModelScanStatus; bySeverity: Counts }): ModelScanVerdict {
  const { bySeverity, status } = scan;
  if (bySeverity.critical > 0 || bySeverity.high > 0) return "unsafe";
  if (bySeverity.medium > 0 || bySeverity.low > 0) return "review";
  if (status !== "completed") return "incomplete";
  return "clean";
}

/** completed when every file was read, failed when none was (or there was none), partial otherwise. */
export function scanStatusOf(summary: ModelScanReport["summary"]): ModelScanStatus {
  if (summary.scanned === 0) return "failed";
  if (summary.failed > 0 || summary.skipped > 0) return "partial";
  return "completed";
}
