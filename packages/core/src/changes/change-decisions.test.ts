import { changeStatuses } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { checkChangeDecision } from "./change-decisions.js";

describe("deciding a change", () => {
  it("approves or rejects a requested change", () => {
    expect(checkChangeDecision("requested", "approved")).toEqual({ ok: true });
    expect(checkChangeDecision("requested", "rejected")).toEqual({ ok: true });
  });

  it("refuses to decide a decided change again, naming no allowed step", () => {
    expect(checkChangeDecision("approved", "rejected")).toEqual({
      ok: false,
      reason:
        "The change is already approved; a decided change cannot be approved or rejected again. Record a new change instead.",
      allowed: [],
    });
    expect(checkChangeDecision("rejected", "approved")).toMatchObject({ ok: false, allowed: [] });
  });

  it("never lets a change go back to requested or stay where it is", () => {
    for (const status of changeStatuses) {
      expect(checkChangeDecision(status, "requested").ok).toBe(false);
      expect(checkChangeDecision(status, status).ok).toBe(false);
    }
    expect(checkChangeDecision("requested", "requested")).toMatchObject({
      reason: "A change that is requested can be approved or rejected, not requested.",
      allowed: ["approved", "rejected"],
    });
  });
});
