import { describe, expect, it } from "vitest";
import { effectiveStatus } from "./effective-status.js";

describe("effectiveStatus", () => {
  it("presents an excluded control as not applicable, whatever else is recorded", () => {
    expect(effectiveStatus(false, "implemented", "current")).toBe("not_applicable");
    expect(effectiveStatus(false, "not_started", "missing")).toBe("not_applicable");
  });

  it("counts an implemented control as implemented only with current evidence", () => {
    expect(effectiveStatus(true, "implemented", "current")).toBe("implemented");
    expect(effectiveStatus(true, "implemented", "missing")).toBe("implemented_without_evidence");
    expect(effectiveStatus(true, "implemented", "expired")).toBe("evidence_expired");
    expect(effectiveStatus(null, "implemented", "expired")).toBe("evidence_expired");
  });

  it("passes other implementation statuses through", () => {
    expect(effectiveStatus(true, "in_progress", "current")).toBe("in_progress");
    expect(effectiveStatus(null, "planned", "missing")).toBe("planned");
  });
});
