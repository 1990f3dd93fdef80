import { describe, expect, it } from "vitest";
import { scanEvidenceTargets } from "./scan-evidence-targets.js";

const withTags = (isoControls: string[], verdict = "not_observed") => ({
  verdict,
  tags: { owaspLlm: ["LLM01:2025"], owaspAgentic: [], atlas: ["AML.TA0005"], isoControls },
});

describe("scanEvidenceTargets", () => {
  it("always names A.6.2.4 and adds the catalogue's controls and clauses the probes are tagged with", () => {
    const targets = scanEvidenceTargets({
      cases: [
        withTags(["A.9.2", "6.1.2"], "vulnerable"),
        withTags(["A.6.2.4", "9.1", "A.10.3"]),
        withTags(["A.99.1", "42"]),
      ],
    } as never);
    expect(targets).toEqual({ controlIds: ["A.6.2.4", "A.9.2", "A.10.3"], clauseIds: ["6.1.2", "9.1"] });
  });

  it("leaves out the tags of cases that reached no verdict: they tested nothing", () => {
    const targets = scanEvidenceTargets({
      cases: [withTags(["A.9.2"]), withTags(["A.10.3", "9.1"], "inconclusive"), withTags(["A.7.5"], "error")],
    } as never);
    expect(targets).toEqual({ controlIds: ["A.6.2.4", "A.9.2"], clauseIds: [] });
  });

  it("names A.6.2.4 alone for a scan without cases", () => {
    expect(scanEvidenceTargets({ cases: [] })).toEqual({ controlIds: ["A.6.2.4"], clauseIds: [] });
  });
});
