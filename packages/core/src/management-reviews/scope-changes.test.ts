import { describe, expect, it } from "vitest";
import { diffInterestedParties, diffScopeIssues } from "./scope-changes.js";

describe("changes between two scope versions", () => {
  it("finds added, removed and changed issues by title, ignoring case and spaces", () => {
    const before = [
      { title: "EU AI Act", detail: "Applies from 2026" },
      { title: "Skills shortage", detail: "" },
    ];
    const after = [
      { title: "eu ai act ", detail: "Applies in stages from 2025" },
      { title: "Cloud concentration", detail: "One provider" },
    ];
    expect(diffScopeIssues(before, after)).toEqual({
      added: [{ title: "Cloud concentration", detail: "One provider" }],
      removed: [{ title: "Skills shortage", detail: "" }],
      changed: [{ before: before[0], after: after[0] }],
    });
  });

  it("treats an unchanged list as no change and an empty earlier list as all added", () => {
    const parties = [{ name: "Customers", needs: "Fair answers", addressedThroughAims: true, howAddressed: "" }];
    expect(diffInterestedParties(parties, parties)).toEqual({ added: [], removed: [], changed: [] });
    expect(diffInterestedParties([], parties).added).toEqual(parties);
  });

  it("sees a party whose needs or handling changed", () => {
    const before = [{ name: "Regulators", needs: "Reports", addressedThroughAims: false, howAddressed: "Legal" }];
    const after = [{ name: "Regulators", needs: "Reports", addressedThroughAims: true, howAddressed: "" }];
    expect(diffInterestedParties(before, after).changed).toHaveLength(1);
  });
});
