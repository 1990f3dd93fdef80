import type { SoaRow } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { diffSoaRows, summarizeSoaDiff } from "./soa-diff.js";

const row = (ref: string, overrides: Partial<SoaRow> = {}): SoaRow => ({
  ref,
  title: `Control ${ref}`,
  kind: "annex_a",
  areaId: "A.2",
  applicable: true,
  justification: "Needed",
  implementationStatus: "planned",
  effectiveStatus: "planned",
  evidenceState: "missing",
  owner: null,
  riskRefs: [],
  evidenceRefs: [],
  overrideReason: null,
  ...overrides,
});

describe("diffSoaRows", () => {
  it("finds added, removed and changed rows with each changed field", () => {
    const before = [row("A.2.2"), row("A.2.3"), row("C-1", { kind: "custom" })];
    const after = [
      row("A.2.2", { applicable: false, justification: "Not used", effectiveStatus: "not_applicable" }),
      row("A.2.3"),
      row("C-2", { kind: "custom" }),
    ];
    const diff = diffSoaRows(before, after);
    expect(diff.added.map((r) => r.ref)).toEqual(["C-2"]);
    expect(diff.removed.map((r) => r.ref)).toEqual(["C-1"]);
    expect(diff.changed).toEqual([
      {
        ref: "A.2.2",
        title: "Control A.2.2",
        changes: [
          { field: "applicable", before: true, after: false },
          { field: "justification", before: "Needed", after: "Not used" },
          { field: "effectiveStatus", before: "planned", after: "not_applicable" },
        ],
      },
    ]);
    expect(summarizeSoaDiff(diff, false)).toBe("1 changed (A.2.2); 1 added (C-2); 1 removed (C-1).");
  });

  it("compares lists by content, not identity", () => {
    const diff = diffSoaRows([row("A.2.2", { riskRefs: ["R-1"] })], [row("A.2.2", { riskRefs: ["R-1", "R-2"] })]);
    expect(diff.changed[0]?.changes).toEqual([{ field: "riskRefs", before: ["R-1"], after: ["R-1", "R-2"] }]);
    expect(diffSoaRows([row("A.2.2")], [row("A.2.2")])).toEqual({ added: [], removed: [], changed: [] });
  });

  it("summarises a first version and an unchanged re-approval", () => {
    const none = { added: [], removed: [], changed: [] };
    expect(summarizeSoaDiff(none, true)).toBe("First approved version.");
    expect(summarizeSoaDiff(none, false)).toBe("Re-approved without changes.");
  });
});
