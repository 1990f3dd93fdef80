import { describe, expect, it } from "vitest";
import { countBySeverity, findingDetail, findingsOf } from "./scan-findings.js";

const tags = { owaspLlm: ["LLM01:2025"], owaspAgentic: [], atlas: ["AML.TA0005"], isoControls: ["A.6.2.4"] };
const base = {
  probeId: "PI-001",
  variant: "plain" as const,
  title: "Override",
  category: "direct_injection" as const,
  tags,
  refused: false,
  exchanges: 1,
  targetLatencyMs: 5,
};

describe("findingsOf", () => {
  it("keeps only vulnerable cases and describes what matched", () => {
    const findings = findingsOf({
      cases: [
        {
          ...base,
          caseId: "PI-001.plain",
          severity: "high",
          verdict: "vulnerable",
          detectors: [
            { kind: "canary", outcome: "matched", detail: "the canary came back" },
            { kind: "marker", outcome: "clear", detail: "no marker" },
          ],
        },
        { ...base, caseId: "PI-001.base64", severity: "high", verdict: "not_observed", detectors: [] },
        {
          ...base,
          caseId: "PI-002.plain",
          severity: "critical",
          verdict: "vulnerable",
          detectors: [],
          note: "reply cut",
        },
      ],
    });
    expect(findings.map((f) => [f.caseId, f.severityRank, f.detail])).toEqual([
      ["PI-001.plain", 3, "canary: the canary came back"],
      ["PI-002.plain", 4, "reply cut"],
    ]);
    expect(countBySeverity(findings)).toEqual({ info: 0, low: 0, medium: 0, high: 1, critical: 1 });
  });

  it("bounds a long detail", () => {
    const detail = findingDetail({ detectors: [{ kind: "echo", outcome: "matched", detail: "x".repeat(10_000) }] });
    expect(detail.length).toBe(4000);
    expect(detail.endsWith("…")).toBe(true);
  });
});
