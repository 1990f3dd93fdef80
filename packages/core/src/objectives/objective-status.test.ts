import { describe, expect, it } from "vitest";
import { checkObjectiveStatusTransition } from "./objective-status.js";

describe("checkObjectiveStatusTransition", () => {
  it("closes an active objective as achieved, missed or cancelled, and reopens a closed one", () => {
    expect(checkObjectiveStatusTransition("active", "achieved")).toEqual({ ok: true });
    expect(checkObjectiveStatusTransition("cancelled", "active")).toEqual({ ok: true });
    expect(checkObjectiveStatusTransition("missed", "missed")).toEqual({ ok: true });
  });

  it("refuses a jump between closed statuses, naming the way back", () => {
    const refused = checkObjectiveStatusTransition("achieved", "missed");
    expect(refused).toMatchObject({ ok: false, allowed: ["active"] });
    if (!refused.ok) expect(refused.reason).toBe("An objective that is achieved can move to active, not to missed.");
  });
});
