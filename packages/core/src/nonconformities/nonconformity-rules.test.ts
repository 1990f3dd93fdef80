import { describe, expect, it } from "vitest";
import {
  checkCorrectiveActionTransition,
  checkImprovementTransition,
  missingBeforeClosing,
  nonconformitySeverityOf,
  nonconformityStatusFor,
} from "./nonconformity-rules.js";

describe("nonconformity rules", () => {
  it("maps red-team severities to minor and major", () => {
    expect(nonconformitySeverityOf("critical")).toBe("major");
    expect(nonconformitySeverityOf("high")).toBe("major");
    expect(nonconformitySeverityOf("medium")).toBe("minor");
    expect(nonconformitySeverityOf("low")).toBe("minor");
    expect(nonconformitySeverityOf("info")).toBe("minor");
  });

  it("derives the status from the corrective actions of the current round", () => {
    expect(nonconformityStatusFor([])).toBe("open");
    expect(nonconformityStatusFor(["cancelled"])).toBe("open");
    expect(nonconformityStatusFor(["open"])).toBe("action_planned");
    expect(nonconformityStatusFor(["done", "in_progress"])).toBe("action_planned");
    expect(nonconformityStatusFor(["done", "cancelled"])).toBe("awaiting_check");
  });

  it("names what is missing before closing", () => {
    expect(missingBeforeClosing("open", [])).toEqual([
      "a corrective action that is done",
      "an effectiveness check with the result effective",
    ]);
    expect(missingBeforeClosing("action_planned", ["open", "in_progress", "done"])).toEqual([
      "its 2 unfinished corrective actions done or cancelled",
      "an effectiveness check with the result effective",
    ]);
    expect(missingBeforeClosing("awaiting_check", ["done"])).toEqual([
      "an effectiveness check with the result effective",
    ]);
    expect(missingBeforeClosing("closed", ["done"])).toEqual([]);
  });

  it("lets corrective actions start, finish or be cancelled, and refuses reopening naming the allowed steps", () => {
    expect(checkCorrectiveActionTransition("open", "done")).toEqual({ ok: true });
    expect(checkCorrectiveActionTransition("in_progress", "cancelled")).toEqual({ ok: true });
    expect(checkCorrectiveActionTransition("done", "open")).toMatchObject({
      ok: false,
      allowed: [],
      reason: "This corrective action is done and can no longer change status; plan a new action instead.",
    });
  });

  it("moves improvements proposed → planned → done, declined and back to proposed", () => {
    expect(checkImprovementTransition("proposed", "planned")).toEqual({ ok: true });
    expect(checkImprovementTransition("declined", "proposed")).toEqual({ ok: true });
    expect(checkImprovementTransition("declined", "done")).toMatchObject({
      ok: false,
      reason: "An improvement that is declined can move to proposed, not to done.",
    });
  });
});
