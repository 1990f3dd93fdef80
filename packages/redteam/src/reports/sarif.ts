/**
 * SARIF 2.1.0 for code-scanning dashboards: one run, a rule per probe, a result per case. Every
 * case is reported, with `kind` telling findings from passes, so a dashboard sees what was tested.
 */
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import type { CaseResult, ScanSummary, Severity } from "../model.js";
import { guidanceById, type ProbeGuidance, tagList, verdictDetails, verdictLabel } from "./case-facts.js";

export interface SarifOptions {
  /** The scan configuration file, given as each result's physical location (relative paths stay relative). */
  configFile?: string;
  /** The pack's probes, for the rules' full description and help (remediation). */
  probes?: readonly ProbeGuidance[];
}

const ruleLevels: Record<Severity, Result.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** The scale code-scanning dashboards read from rule properties (0.0-10.0, as a string). */
const securitySeverities: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "0.0",
};

/**
 * SARIF result kinds. A result's level is "none" for any kind but "fail" (SARIF 3.27.10). An
 * errored case is "open": the probe ran, but the tool had too little to decide (3.27.9);
 * "notApplicable" would wrongly claim the probe does not apply to the target. A case blocked by
 * policy is "pass" (the deployed system did no harm) with level "none", never a failing result;
 * its properties say so (`verdict: "blocked"`) and name the rules that denied the calls (`blockedBy`).
 */
const resultKinds: Record<CaseResult["verdict"], Result.kind> = {
  vulnerable: "fail",
  blocked: "pass",
  not_observed: "pass",
  inconclusive: "review",
  error: "open",
};

/** The SARIF log of a scan; serialise it with JSON.stringify. */
export function toSarif(summary: ScanSummary, options: SarifOptions = {}): Log {
  const guidance = guidanceById(options.probes);
  const ruleIndex = new Map<string, number>();
  const rules: ReportingDescriptor[] = [];
  for (const result of summary.cases) {
    if (ruleIndex.has(result.probeId)) continue;
    ruleIndex.set(result.probeId, rules.length);
    rules.push(rule(result, guidance.get(result.probeId)));
  }
  const location = resultLocation(summary, options.configFile);
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: summary.scanner.name,
            version: summary.scanner.version,
            semanticVersion: summary.scanner.version,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: summary.complete,
            startTimeUtc: summary.startedAt,
            endTimeUtc: summary.finishedAt,
            toolExecutionNotifications: summary.problems.map((problem) => ({
              level: summary.complete ? "warning" : "error",
              message: { text: sarifText(problem) },
            })),
          },
        ],
        results: summary.cases.map(
          (result): Result => ({
            ruleId: result.probeId,
            ruleIndex: ruleIndex.get(result.probeId) ?? -1,
            kind: resultKinds[result.verdict],
            level: result.verdict === "vulnerable" ? ruleLevels[result.severity] : "none",
            message: { text: sarifText(resultMessage(summary, result)) },
            locations: [location],
            partialFingerprints: { "caseId/v1": result.caseId },
            properties: {
              caseId: result.caseId,
              variant: result.variant,
              verdict: result.verdict,
              severity: result.severity,
              refused: result.refused,
              exchanges: result.exchanges,
              ...(result.verdict === "blocked" ? { blockedBy: result.blockedBy ?? [] } : {}),
            },
          }),
        ),
        properties: {
          pack: summary.pack,
          seed: summary.seed,
          configSha256: summary.configSha256,
          target: {
            kind: summary.target.kind,
            endpoint: summary.target.endpoint,
            ...(summary.target.model ? { model: summary.target.model } : {}),
          },
          totals: summary.totals,
        },
      },
    ],
  };
}

function rule(result: CaseResult, guidance: ProbeGuidance | undefined): ReportingDescriptor {
  return {
    id: result.probeId,
    name: pascalCase(result.title),
    shortDescription: { text: sarifText(result.title) },
    fullDescription: { text: sarifText(guidance?.description ?? result.title) },
    help: { text: sarifText(guidance?.remediation ?? `See probe ${result.probeId} in the probe pack.`) },
    defaultConfiguration: { level: ruleLevels[result.severity] },
    properties: {
      tags: ["security", result.category, ...tagList(result.tags)],
      "security-severity": securitySeverities[result.severity],
      category: result.category,
      severity: result.severity,
    },
  };
}

function resultMessage(summary: ScanSummary, result: CaseResult): string {
  const details = verdictDetails(result);
  const because = details.length > 0 ? ` ${details.join(" ")}` : "";
  return `${result.title} (${result.variant}) against ${summary.target.endpoint}: ${verdictLabel(result.verdict)}.${because}`;
}

function resultLocation(summary: ScanSummary, configFile: string | undefined): Location {
  const logical: Location = { logicalLocations: [{ name: summary.target.endpoint, kind: "resource" }] };
  if (!configFile) return logical;
  return { physicalLocation: { artifactLocation: { uri: fileUri(configFile) } }, ...logical };
}

/** Absolute paths become file: URIs; relative ones stay relative references with "/" separators. */
function fileUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join("/");
}

/** SARIF message strings reserve braces for placeholders: literal ones are doubled (3.11.5). */
function sarifText(text: string): string {
  return text.replace(/[{}]/g, "$&$&");
}

function pascalCase(title: string): string {
  const words = title.match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return name || "Probe";
}
