/** Facts about cases that every report presents the same way. */
import type { CaseResult, DetectorResult, Probe, ScanSummary } from "../model.js";
import { severityRank } from "../model.js";

/** What a report can say about a probe beyond the summary: the pack's own text. */
export type ProbeGuidance = Pick<Probe, "id" | "description" | "remediation">;

/** Looks up guidance by probe id; reports fall back to the title when a probe is not given. */
export function guidanceById(probes: readonly ProbeGuidance[] = []): ReadonlyMap<string, ProbeGuidance> {
  return new Map(probes.map((probe) => [probe.id, probe]));
}

const verdictWords: Record<CaseResult["verdict"], string> = {
  vulnerable: "vulnerable",
  blocked: "blocked by policy",
  not_observed: "not observed",
  inconclusive: "inconclusive",
  error: "error",
};

export function verdictLabel(verdict: CaseResult["verdict"]): string {
  return verdictWords[verdict];
}

const explainingOutcome: Partial<Record<CaseResult["verdict"], DetectorResult["outcome"]>> = {
  vulnerable: "matched",
  blocked: "blocked",
  inconclusive: "unknown",
};

/**
 * The detector details that explain the verdict: the matches of a finding, the stopped attempts of
 * a blocked case, the unknowns of an inconclusive case, every detail otherwise; an errored case's
 * note comes first.
 */
export function verdictDetails(result: CaseResult): string[] {
  const wanted = explainingOutcome[result.verdict];
  const details = result.detectors
    .filter((detector) => wanted === undefined || detector.outcome === wanted)
    .map((detector) => `${detector.kind}: ${detector.detail}`);
  return result.note ? [result.note, ...details] : details;
}

/** "rules tools.delete_customer, flows[0]" for a blocked case; "" when the denials named no rule. */
export function blockingRulesText(result: CaseResult): string {
  const rules = result.blockedBy ?? [];
  if (rules.length === 0) return "";
  return `${rules.length === 1 ? "rule" : "rules"} ${rules.join(", ")}`;
}

/** Every tag of a case in one list: OWASP LLM, OWASP Agentic, ATLAS, ISO/IEC 42001. */
export function tagList(tags: CaseResult["tags"]): string[] {
  return [...tags.owaspLlm, ...tags.owaspAgentic, ...tags.atlas, ...tags.isoControls];
}

/** Cases with findings first, most severe first; then those blocked by policy; plan order otherwise (the sort is stable). */
export function findingsFirst(cases: readonly CaseResult[]): CaseResult[] {
  const rank = (result: CaseResult): number =>
    result.verdict === "vulnerable" ? 10 + severityRank(result.severity) : result.verdict === "blocked" ? 5 : 0;
  return [...cases].sort((a, b) => rank(b) - rank(a));
}

/** The case's label in lists: "PI-001 base64: Instruction override". */
export function caseLabel(result: CaseResult): string {
  return `${result.probeId} ${result.variant}: ${result.title}`;
}

/** The run's one-line identity: which target, with which pack and seed. */
export function runLabel(summary: ScanSummary): string {
  const model = summary.target.model ? ` (model ${summary.target.model})` : "";
  return `${summary.target.endpoint}${model}, pack ${summary.pack.id} ${summary.pack.version}, seed ${summary.seed}`;
}
