/**
 * Screening of what a model wrote before the application shows or acts on it: credentials and
 * personal data (the red-team engine's patterns, confirmed by Luhn, IBAN mod 97 and JWT checks),
 * canary tokens from the context, invisible characters, and output that carries data out.
 */
import { MARKER_SCAN_LIMIT, type MarkerHit, outputMarkers } from "@openaims/core";
import { decodedViews, findInViews, findPatterns, type PatternPackName } from "@openaims/redteam/detect";
import type { Finding, ScreeningResult, Severity } from "./findings.js";
import { ruleSegment, screeningAction, shortened } from "./findings.js";
import { invisibleFindings } from "./invisible-findings.js";
import type { ScreeningSettings } from "./screening-settings.js";
import { leading, windowsOf } from "./text-windows.js";

/** Personal data that identifies an account or a person on its own is high; contact details are medium. */
const piiSeverity: Record<string, Severity> = { payment_card: "high", iban: "high", us_ssn: "high" };

const exfiltrationSeverity: Partial<Record<MarkerHit["kind"], Severity>> = {
  // An image is fetched without a click, so data in its address leaves as soon as the reply is shown.
  markdown_image_with_data: "high",
  collection_endpoint: "high",
  markdown_link_with_data: "medium",
  encoded_blob: "low",
};

export interface ScreenOutputOptions {
  /** What the model was given (the user's message): a secret or personal datum echoed from it is not a leak. */
  input?: string;
}

/** Screens one output text with the guard's settings. */
export function screenOutputText(
  text: string,
  settings: ScreeningSettings,
  options: ScreenOutputOptions = {},
): ScreeningResult {
  const findings: Finding[] = [];
  const screened = leading(text, settings.maxOutputChars);
  if (screened.length < text.length) {
    findings.push({
      rule: "output.oversized",
      detail: `the output has ${text.length} characters; only the first ${screened.length} were screened`,
      severity: "high",
      start: screened.length,
      end: text.length,
    });
  }
  if (settings.canaries.length > 0) findings.push(...canaryFindings(screened, settings.canaries));
  findings.push(...patternFindings(screened, settings, options.input));
  if (settings.invisibleCharacters) findings.push(...invisibleFindings("output", screened));
  if (settings.exfiltration) {
    const seen = new Set<string>();
    for (const window of windowsOf(screened, MARKER_SCAN_LIMIT)) {
      for (const marker of outputMarkers(window)) {
        const severity = exfiltrationSeverity[marker.kind];
        // Secrets and personal data are reported above, with their places and checks.
        if (severity === undefined || seen.has(marker.kind)) continue;
        seen.add(marker.kind);
        findings.push({ rule: `output.exfiltration.${ruleSegment(marker.kind)}`, detail: marker.detail, severity });
      }
    }
  }
  return { action: screeningAction(findings, settings.blockAt), findings };
}

function canaryFindings(text: string, canaries: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const lower = text.toLowerCase();
  let views: string[] | null = null;
  for (const canary of canaries) {
    const at = lower.indexOf(canary.toLowerCase());
    if (at >= 0) {
      findings.push({
        rule: "output.canary",
        detail: `canary ${shortened(canary)} appears in the output: the context leaked`,
        severity: "high",
        start: at,
        end: at + canary.length,
      });
      continue;
    }
    // Encoded, spelt out or slightly changed: the scanner's decoded views and approximate match find it.
    views ??= decodedViews(text);
    const match = findInViews(views, canary);
    if (match.found) {
      const how = match.score === 1 ? "decoded" : `approximately (score ${match.score.toFixed(2)})`;
      findings.push({
        rule: "output.canary",
        detail: `canary ${shortened(canary)} appears in the output, ${how}: the context leaked`,
        severity: "high",
      });
    }
  }
  return findings;
}

function patternFindings(text: string, settings: ScreeningSettings, input: string | undefined): Finding[] {
  const packs: PatternPackName[] = [];
  if (settings.secrets) packs.push("credentials");
  if (settings.pii.size > 0) packs.push("pii");
  if (packs.length === 0) return [];
  const exclude = input ? [leading(input, settings.maxInputChars)] : [];
  const findings: Finding[] = [];
  for (const match of findPatterns(text, packs, { exclude })) {
    if (match.pack === "pii" && !settings.pii.has(match.id)) continue;
    const secret = match.pack === "credentials";
    findings.push({
      rule: `output.${secret ? "secret" : "pii"}.${ruleSegment(match.id)}`,
      detail: `${match.label} ${shortened(match.value)}`,
      severity: secret ? "high" : (piiSeverity[match.id] ?? "medium"),
      start: match.index,
      end: match.index + match.value.length,
    });
  }
  return findings;
}
