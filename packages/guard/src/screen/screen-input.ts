/**
 * Screening of what a model is about to read: the user's message, retrieved content (a document,
 * a web page, an e-mail) or a tool result. Content that does not come from the user is untrusted,
 * so instructions planted in it are high severity; the same markers in the user's own message are
 * medium (flagged, not blocked, unless the guard blocks at medium).
 */
import { inputMarkers, MARKER_SCAN_LIMIT } from "@openaims/core";
import { findPlantedInstructions, type PlantedInstructionKind } from "@openaims/redteam/detect";
import type { Finding, ScreeningResult } from "./findings.js";
import { ruleSegment, screeningAction } from "./findings.js";
import { invisibleFindings } from "./invisible-findings.js";
import type { ScreeningSettings } from "./screening-settings.js";
import { clip, leading, windowsOf } from "./text-windows.js";

/** Where screened input comes from. */
export type InputSource = "user" | "retrieved" | "tool";
export const inputSources: readonly InputSource[] = ["user", "retrieved", "tool"];

const plantedWords: Record<PlantedInstructionKind, string> = {
  addressed_to_assistant: "text addressed to an AI gives it an instruction",
  role_header: "a line written as if a role (assistant, system) spoke gives an instruction",
  hidden_markup: "markup a reader never sees gives an AI an instruction",
};

/** Screens one input text with the guard's settings. */
export function screenInputText(text: string, source: InputSource, settings: ScreeningSettings): ScreeningResult {
  const findings: Finding[] = [];
  const screened = leading(text, settings.maxInputChars);
  if (screened.length < text.length) {
    findings.push({
      rule: "input.oversized",
      detail: `the input has ${text.length} characters; only the first ${screened.length} were screened`,
      severity: "high",
      start: screened.length,
      end: text.length,
    });
  }
  const untrusted = source !== "user";
  if (settings.invisibleCharacters) findings.push(...invisibleFindings("input", screened));
  if (settings.plantedInstructions) {
    for (const planted of findPlantedInstructions(screened)) {
      findings.push({
        rule: "input.planted-instruction",
        detail: `${plantedWords[planted.kind]}: "${clip(planted.excerpt)}"`,
        severity: untrusted ? "high" : "medium",
        start: planted.start,
        end: planted.end,
      });
    }
  }
  if (settings.promptInjection) {
    const seen = new Set<string>();
    for (const window of windowsOf(screened, MARKER_SCAN_LIMIT)) {
      for (const marker of inputMarkers(window)) {
        // Invisible characters are reported above, with their places.
        if (marker.kind === "invisible_unicode" || seen.has(marker.kind)) continue;
        seen.add(marker.kind);
        findings.push({
          rule: `input.prompt-injection.${ruleSegment(marker.kind)}`,
          detail: marker.detail,
          severity: untrusted ? "high" : "medium",
        });
      }
    }
  }
  return { action: screeningAction(findings, settings.blockAt), findings };
}
