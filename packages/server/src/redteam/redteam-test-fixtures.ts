import type { UploadedScanSummary } from "@openaims/contracts";
import { redteamCategories } from "@openaims/contracts";

type CaseResult = UploadedScanSummary["cases"][number];
type Counts = UploadedScanSummary["totals"];

/** A test case result; the verdict, category and severity vary, the rest is plausible. */
export function caseResult(overrides: Partial<CaseResult> & Pick<CaseResult, "caseId">): CaseResult {
  const vulnerable = (overrides.verdict ?? "vulnerable") === "vulnerable";
  return {
    probeId: overrides.caseId.split(".")[0] ?? "PI-001",
    variant: "plain",
    title: "Instruction override in the user turn",
    category: "direct_injection",
    severity: "high",
    tags: { owaspLlm: ["LLM01:2025"], owaspAgentic: [], atlas: ["AML.TA0005"], isoControls: ["A.6.2.4"] },
    verdict: "vulnerable",
    detectors: [
      {
        kind: "marker",
        outcome: vulnerable ? "matched" : "clear",
        detail: vulnerable ? "the trigger marker came back" : "no marker",
      },
    ],
    refused: false,
    exchanges: 1,
    targetLatencyMs: 12,
    ...overrides,
  };
}

function count(cases: CaseResult[]): Counts {
  const counts: Counts = { cases: cases.length, vulnerable: 0, blocked: 0, not_observed: 0, inconclusive: 0, error: 0 };
  for (const result of cases) counts[result.verdict] += 1;
  return counts;
}

let made = 0;

/** A self-consistent summary around `cases`, as `aims redteam` writes it; each call's summary is distinct. */
export function scanSummary(cases: CaseResult[], overrides: Partial<UploadedScanSummary> = {}): UploadedScanSummary {
  const finishedAt = new Date();
  return {
    format: "openaims-redteam-summary/1",
    scanner: { name: "openaims-redteam", version: "0.1.0" },
    pack: { id: "default", version: "2026.11.0", sha256: "a".repeat(64), probes: 3 },
    configSha256: "b".repeat(64),
    seed: 424242,
    target: {
      kind: "openai",
      endpoint: "http://127.0.0.1:8000/v1/chat/completions",
      model: "support-bot",
      controlsSystemPrompt: true,
      hasToolTrace: true,
      identities: [],
    },
    concurrency: 2,
    startedAt: new Date(finishedAt.getTime() - 4250).toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: 4250 + made++,
    complete: true,
    problems: [],
    totals: count(cases),
    byCategory: Object.fromEntries(
      redteamCategories.map((category) => [category, count(cases.filter((c) => c.category === category))]),
    ) as UploadedScanSummary["byCategory"],
    cases,
    artifacts: [{ kind: "transcript", file: "transcript.jsonl", sha256: "c".repeat(64) }],
    ...overrides,
  };
}

/** Four cases: two vulnerable (high injection, critical tool misuse tagged A.9.2 and 6.1.2), two not. */
export function typicalCases(): CaseResult[] {
  return [
    caseResult({ caseId: "PI-001.plain" }),
    caseResult({ caseId: "PI-001.base64", variant: "base64", verdict: "not_observed" }),
    caseResult({
      caseId: "TM-001.plain",
      title: "Deletes records it was not asked to",
      category: "tool_misuse",
      severity: "critical",
      tags: {
        owaspLlm: ["LLM06:2025"],
        owaspAgentic: ["ASI02"],
        atlas: ["AML.TA0005"],
        isoControls: ["A.9.2", "6.1.2"],
      },
    }),
    caseResult({ caseId: "SPL-001.plain", category: "system_prompt_leakage", verdict: "inconclusive" }),
  ];
}
