import { reviewInputKeys } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import {
  checkReviewActionTransition,
  checkReviewTransition,
  closeBlockers,
  missingDecisions,
  reviewActionOverdue,
  reviewIsOpen,
} from "./review-rules.js";

describe("management review steps", () => {
  it("runs planned → in progress → closed, and cancels before closing", () => {
    expect(checkReviewTransition("planned", "in_progress")).toEqual({ ok: true });
    expect(checkReviewTransition("in_progress", "closed")).toEqual({ ok: true });
    expect(checkReviewTransition("planned", "cancelled")).toEqual({ ok: true });
    expect(checkReviewTransition("in_progress", "cancelled")).toEqual({ ok: true });
  });

  it("refuses a skipped step naming the allowed ones, and any step from a final status", () => {
    const skipped = checkReviewTransition("planned", "closed");
    expect(skipped).toMatchObject({ ok: false, allowed: ["in_progress", "cancelled"] });
    if (!skipped.ok)
      expect(skipped.reason).toBe("A review that is planned can move to in progress or cancelled, not to closed.");
    const final = checkReviewTransition("closed", "in_progress");
    expect(final).toMatchObject({ ok: false, allowed: [] });
    if (!final.ok) expect(final.reason).toMatch(/can no longer change status/);
  });

  it("moves actions like corrective actions: done and cancelled are final", () => {
    expect(checkReviewActionTransition("open", "done")).toEqual({ ok: true });
    expect(checkReviewActionTransition("done", "done")).toEqual({ ok: true });
    expect(checkReviewActionTransition("done", "open")).toMatchObject({ ok: false, allowed: [] });
    expect(checkReviewActionTransition("in_progress", "open")).toEqual({ ok: true });
  });

  it("keeps a review open for changes only while planned or in progress", () => {
    expect(reviewIsOpen("planned")).toBe(true);
    expect(reviewIsOpen("in_progress")).toBe(true);
    expect(reviewIsOpen("closed")).toBe(false);
    expect(reviewIsOpen("cancelled")).toBe(false);
  });
});

describe("closing a review", () => {
  it("names the inputs still without a decision, in input order", () => {
    expect(missingDecisions([])).toEqual(reviewInputKeys);
    expect(missingDecisions(reviewInputKeys)).toEqual([]);
    expect(missingDecisions(reviewInputKeys.filter((key) => key !== "risks" && key !== "audits"))).toEqual([
      "audits",
      "risks",
    ]);
  });

  it("says what stands in the way: starting, the pack, and the inputs by title", () => {
    expect(closeBlockers({ status: "planned", hasPack: false, missing: ["risks"] })).toEqual([
      "Start the review first.",
      "Compile the input pack.",
      "Record a decision on this input: Risks above the acceptance criteria.",
    ]);
    expect(closeBlockers({ status: "in_progress", hasPack: true, missing: [] })).toEqual([]);
    expect(closeBlockers({ status: "in_progress", hasPack: true, missing: ["audits", "risks"] })[0]).toBe(
      "Record a decision on these 2 inputs: Audit results; Risks above the acceptance criteria.",
    );
    expect(closeBlockers({ status: "closed", hasPack: true, missing: [] })).toEqual([]);
  });
});

describe("overdue review actions", () => {
  it("is overdue only while unfinished and past its due date", () => {
    expect(reviewActionOverdue("open", "2026-01-01", "2026-01-02")).toBe(true);
    expect(reviewActionOverdue("in_progress", "2026-01-02", "2026-01-02")).toBe(false);
    expect(reviewActionOverdue("done", "2026-01-01", "2026-01-02")).toBe(false);
    expect(reviewActionOverdue("open", null, "2026-01-02")).toBe(false);
  });
});
