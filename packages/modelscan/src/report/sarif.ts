/**
 * SARIF 2.1.0 of a model scan: one run, a rule per rule id found, a result per finding with the
 * file as physical location and the in-file location (offset, entry, tensor) as logical location.
 */
import type { ModelScanFinding, ModelScanReport, ModelScanSeverity } from "@openaims/contracts";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import { rules as knownRules } from "../rules/index.js";

const levels: Record<ModelScanSeverity, Result.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** The 0.0-10.0 scale code-scanning dashboards read from `security-severity`. */
const securitySeverities: Record<ModelScanSeverity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

/** The SARIF log of a scan report; serialise it with JSON.stringify. */
export function toSarif(report: ModelScanReport): Log {
  const ruleIndex = new Map<string, number>();
  const rules: ReportingDescriptor[] = [];
  for (const finding of report.findings) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, rules.length);
    rules.push(ruleOf(finding));
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.scanner.name,
            version: report.scanner.version,
            semanticVersion: report.scanner.version,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: report.summary.failed === 0,
            toolExecutionNotifications: report.files
              .filter((file) => file.status !== "scanned")
              .map((file) => ({
                level: file.status === "failed" ? "error" : "warning",
                message: { text: sarifText(`${file.path}: ${file.status}${file.error ? ` (${file.error})` : ""}`) },
                locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(file.path) } } }],
              })),
          },
        ],
        artifacts: report.files.map((file) => ({
          location: { uri: fileUri(file.path) },
          length: file.size,
          ...(file.sha256 ? { hashes: { "sha-256": file.sha256 } } : {}),
          properties: { format: file.format, status: file.status },
        })),
        results: report.findings.map(
          (finding): Result => ({
            ruleId: finding.ruleId,
            ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
            kind: "fail",
            level: levels[finding.severity],
            message: { text: sarifText(`${finding.title}. ${finding.detail}`.trim()) },
            locations: [locationOf(finding)],
            partialFingerprints: { "modelScanFinding/v1": finding.fingerprint },
            properties: { severity: finding.severity, "security-severity": securitySeverities[finding.severity] },
          }),
        ),
        properties: { roots: report.roots, summary: report.summary },
      },
    ],
  };
}

function ruleOf(finding: ModelScanFinding): ReportingDescriptor {
  const rule = knownRules.get(finding.ruleId);
  const title = rule?.title ?? finding.title;
  const severity = rule?.severity ?? finding.severity;
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: { text: sarifText(title) },
    fullDescription: { text: sarifText(rule?.help ?? title) },
    help: { text: sarifText(rule?.help ?? title) },
    defaultConfiguration: { level: levels[severity] },
    properties: {
      tags: [
        "security",
        "supply-chain",
        ...finding.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`),
        ...finding.owaspAgentic.map((id) => `OWASP-Agentic-${id}`),
      ],
      "security-severity": securitySeverities[severity],
      cwe: finding.cwe,
      owaspAgentic: finding.owaspAgentic,
    },
  };
}

function locationOf(finding: ModelScanFinding): Location {
  return {
    physicalLocation: { artifactLocation: { uri: fileUri(finding.file) } },
    ...(finding.location
      ? {
          logicalLocations: [
            { name: finding.location.slice(0, 500), fullyQualifiedName: `${finding.file}#${finding.location}` },
          ],
        }
      : {}),
  };
}

/** Report paths are relative: each segment is percent-encoded, `!` (archive entries) included. */
function fileUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment).replace(/!/g, "%21"))
    .join("/");
}

/** SARIF message strings reserve braces for placeholders: literal ones are doubled (3.11.5). */
function sarifText(text: string): string {
  return text.replace(/[{}]/g, "$&$&");
}

function pascalCase(id: string): string {
  return (
    (id.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("") || "Rule"
  );
}
