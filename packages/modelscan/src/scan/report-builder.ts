import { createHash } from "node:crypto";
import {
  MODEL_SCAN_REPORT_FORMAT,
  MODEL_SCAN_REPORT_VERSION,
  type ModelScanFile,
  type ModelScanFinding,
  type ModelScanReport,
  type ModelScanSeverity,
  modelScanSeveritySchema,
} from "@openaims/contracts";
import { rules } from "../rules/index.js";
import type { RawFinding } from "./format-scanner.js";

export const SCANNER_NAME = "openaims-modelscan";
export const SCANNER_VERSION = "0.1.0";

const severityOrder = modelScanSeveritySchema.options;

/** Index of a severity from info (0) to critical (4). */
export function severityRank(severity: ModelScanSeverity): number {
  return severityOrder.indexOf(severity);
}

/** Stable across runs: SHA-256 of rule id, file and location. */
export function fingerprint(ruleId: string, file: string, location: string): string {
  return createHash("sha256").update(`${ruleId}\n${file}\n${location}`).digest("hex");
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A scanner's finding with the rule's severity, weaknesses and fingerprint filled in. */
export function toFinding(file: string, raw: RawFinding): ModelScanFinding {
  const rule = rules.get(raw.ruleId);
  const location = clip(raw.location, 1000);
  return {
    ruleId: clip(raw.ruleId, 120),
    severity: raw.severity ?? rule?.severity ?? "medium",
    file,
    location,
    title: clip(raw.title || rule?.title || raw.ruleId, 500),
    detail: clip(raw.detail, 8000),
    cwe: rule?.cwe ?? [],
    owaspAgentic: rule?.owaspAgentic ?? [],
    fingerprint: fingerprint(raw.ruleId, file, location),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The report in its published shape: files by path, findings by file, location and rule. */
export function buildReport(roots: string[], files: ModelScanFile[], findings: ModelScanFinding[]): ModelScanReport {
  const sortedFiles = [...files].sort((a, b) => compare(a.path, b.path));
  const unique = new Map<string, ModelScanFinding>();
  for (const finding of findings) if (!unique.has(finding.fingerprint)) unique.set(finding.fingerprint, finding);
  const sortedFindings = [...unique.values()].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      compareLocations(a.location, b.location) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.title, b.title),
  );
  const bySeverity = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  let highest: ModelScanSeverity | null = null;
  for (const finding of sortedFindings) {
    bySeverity[finding.severity]++;
    if (highest === null || severityRank(finding.severity) > severityRank(highest)) highest = finding.severity;
  }
  const count = (status: ModelScanFile["status"]) => sortedFiles.filter((file) => file.status === status).length;
  return {
    format: MODEL_SCAN_REPORT_FORMAT,
    formatVersion: MODEL_SCAN_REPORT_VERSION,
    scanner: { name: SCANNER_NAME, version: SCANNER_VERSION },
    roots,
    files: sortedFiles,
    findings: sortedFindings,
    summary: {
      files: sortedFiles.length,
      scanned: count("scanned"),
      failed: count("failed"),
      skipped: count("skipped"),
      bySeverity,
      highestSeverity: highest,
    },
  };
}

/** "offset 9" before "offset 10": numbers inside locations compare as numbers. */
function compareLocations(a: string, b: string): number {
  const numberA = /^(.*?)(\d+)$/.exec(a);
  const numberB = /^(.*?)(\d+)$/.exec(b);
  if (numberA && numberB && numberA[1] === numberB[1]) return Number(numberA[2]) - Number(numberB[2]);
  return compare(a, b);
}
