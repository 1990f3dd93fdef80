import { findInvisibleCharacters, type InvisibleRun } from "@openaims/redteam/detect";
import type { Finding, Severity } from "./findings.js";
import { clip } from "./text-windows.js";

/** Findings reported per text for invisible characters; the last one says how many runs there were in all. */
const MAX_RUN_FINDINGS = 10;

const severityOf: Record<InvisibleRun["kind"], Severity> = {
  // Tag characters spell text nobody sees; bidirectional controls reorder what people see;
  // a few zero-width characters come with copied text as often as with an attack.
  tag: "high",
  bidi_control: "medium",
  zero_width: "low",
};

function describe(run: InvisibleRun): string {
  if (run.kind === "tag") return `${run.count} Unicode tag characters spelling "${clip(run.decoded ?? "", 160)}"`;
  if (run.kind === "bidi_control")
    return `${run.count} bidirectional control character${run.count === 1 ? "" : "s"}, which change the order a reader sees`;
  return `${run.count} zero-width character${run.count === 1 ? "" : "s"}`;
}

/** Findings of `<direction>.invisible-characters` for the invisible runs in `text`. */
export function invisibleFindings(direction: "input" | "output", text: string): Finding[] {
  const runs = findInvisibleCharacters(text);
  const findings = runs.slice(0, MAX_RUN_FINDINGS).map(
    (run): Finding => ({
      rule: `${direction}.invisible-characters`,
      detail: describe(run),
      severity: severityOf[run.kind],
      start: run.start,
      end: run.end,
    }),
  );
  const last = findings.at(-1);
  if (last && runs.length > MAX_RUN_FINDINGS)
    last.detail += ` (${runs.length - MAX_RUN_FINDINGS} more runs not listed)`;
  return findings;
}
