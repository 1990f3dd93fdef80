import { describe, expect, it } from "vitest";
import { impactStaleness, systemImpactState } from "./impact-staleness.js";

const approvedAt = new Date("2025-03-01T10:00:00.000Z");
const later = new Date("2025-04-01T09:30:00.000Z");

describe("impact assessment staleness", () => {
  it("is current while the system has not changed materially since approval", () => {
    expect(
      impactStaleness({ status: "approved", systemMaterialAt: approvedAt, systemMaterialChangedAt: approvedAt }),
    ).toEqual({
      stale: false,
      reason: null,
    });
  });

  it("is stale once the system changed materially after approval, and says when", () => {
    const result = impactStaleness({
      status: "approved",
      systemMaterialAt: approvedAt,
      systemMaterialChangedAt: later,
    });
    expect(result.stale).toBe(true);
    expect(result.reason).toContain("2025-04-01T09:30:00.000Z");
    expect(result.reason).toContain("2025-03-01T10:00:00.000Z");
  });

  it("treats an approval without a recorded system state as stale", () => {
    expect(impactStaleness({ status: "approved", systemMaterialAt: null, systemMaterialChangedAt: later }).stale).toBe(
      true,
    );
  });

  it("never calls drafts, submissions or superseded revisions stale", () => {
    for (const status of ["draft", "submitted", "superseded"] as const)
      expect(impactStaleness({ status, systemMaterialAt: approvedAt, systemMaterialChangedAt: later }).stale).toBe(
        false,
      );
  });
});

describe("system impact state", () => {
  it("is none without any revision", () => {
    expect(systemImpactState({ approved: null, open: null, systemMaterialChangedAt: later }).state).toBe("none");
  });

  it("follows the open revision until one is approved", () => {
    expect(systemImpactState({ approved: null, open: { status: "draft" }, systemMaterialChangedAt: later }).state).toBe(
      "draft",
    );
    expect(
      systemImpactState({ approved: null, open: { status: "submitted" }, systemMaterialChangedAt: later }).state,
    ).toBe("submitted");
  });

  it("is approved or stale once approved, whatever is open", () => {
    const current = { systemMaterialAt: approvedAt };
    expect(
      systemImpactState({ approved: current, open: { status: "draft" }, systemMaterialChangedAt: approvedAt }),
    ).toEqual({
      state: "approved",
      staleReason: null,
    });
    const stale = systemImpactState({ approved: current, open: { status: "draft" }, systemMaterialChangedAt: later });
    expect(stale.state).toBe("stale");
    expect(stale.staleReason).toMatch(/changed materially/);
  });
});
