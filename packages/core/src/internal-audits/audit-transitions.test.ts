import { internalAuditStatuses, internalAuditSteps } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { auditCloseRefusal, checkAuditTransition, countAuditResults, expectedAuditCount } from "./audit-transitions.js";

describe("internal audit steps", () => {
  it("walks planned → in progress → reporting → closed, and cancels from planned or in progress", () => {
    expect(checkAuditTransition("planned", "in_progress")).toEqual({ ok: true });
    expect(checkAuditTransition("in_progress", "reporting")).toEqual({ ok: true });
    expect(checkAuditTransition("reporting", "closed")).toEqual({ ok: true });
    expect(checkAuditTransition("planned", "cancelled")).toEqual({ ok: true });
    expect(checkAuditTransition("in_progress", "cancelled")).toEqual({ ok: true });
    expect(checkAuditTransition("reporting", "in_progress")).toEqual({ ok: true });
  });

  it("refuses every other step, naming the allowed ones", () => {
    expect(checkAuditTransition("planned", "closed")).toEqual({
      ok: false,
      reason: "An audit that is planned can move to in progress or cancelled, not to closed.",
      allowed: ["in_progress", "cancelled"],
    });
    expect(checkAuditTransition("reporting", "cancelled")).toMatchObject({
      ok: false,
      allowed: ["closed", "in_progress"],
    });
    expect(checkAuditTransition("closed", "in_progress")).toEqual({
      ok: false,
      reason: "The audit is closed and can no longer change status; plan a new audit instead.",
      allowed: [],
    });
    for (const from of internalAuditStatuses)
      for (const to of internalAuditStatuses)
        expect(checkAuditTransition(from, to).ok).toBe(internalAuditSteps[from].includes(to));
  });

  it("refuses to close with unanswered items, naming how many and which, then without a conclusion", () => {
    expect(auditCloseRefusal("IA-3", ["4.1"], "Fine")).toBe(
      "IA-3 cannot be closed: 1 checklist item is still unanswered (4.1). Move the audit back to in progress and record a result for each.",
    );
    const many = Array.from({ length: 12 }, (_, i) => `A.${i}`);
    expect(auditCloseRefusal("IA-3", many, "")).toContain(
      "12 checklist items are still unanswered (A.0, A.1, A.2, A.3, A.4, A.5, A.6, A.7, A.8, A.9 and 2 more)",
    );
    expect(auditCloseRefusal("IA-3", [], "  ")).toMatch(/^IA-3 cannot be closed without a conclusion/);
    expect(auditCloseRefusal("IA-3", [], "The AIMS conforms.")).toBeNull();
  });

  it("counts results and answered items", () => {
    expect(countAuditResults(["conforming", null, "major_nc", "conforming"])).toEqual({
      answered: 3,
      total: 4,
      counts: { conforming: 2, minor_nc: 0, major_nc: 1, observation: 0, opportunity: 0 },
    });
  });

  it("expects as many audits as the frequency fits into the period, at least one", () => {
    expect(expectedAuditCount("quarterly", "2026-01-01", "2026-12-31")).toBe(4);
    expect(expectedAuditCount("monthly", "2026-01-01", "2026-12-31")).toBe(12);
    expect(expectedAuditCount("semiannual", "2026-01-01", "2026-12-31")).toBe(2);
    expect(expectedAuditCount("annual", "2026-01-01", "2027-12-31")).toBe(2);
    expect(expectedAuditCount("quarterly", "2026-01-01", "2026-03-31")).toBe(1);
    expect(expectedAuditCount("annual", "2026-01-01", "2026-01-10")).toBe(1);
  });
});
