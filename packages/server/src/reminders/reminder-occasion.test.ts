import { describe, expect, it } from "vitest";
import { isReminderDue, occasionKindOf, reminderOccasion, utcDay } from "./reminder-occasion.js";

describe("reminderOccasion", () => {
  const today = "2026-12-07";

  it("reminds of dated work once while due soon and once when overdue, keyed by the date", () => {
    expect(reminderOccasion({ dueDate: "2026-12-10", overdue: false }, today)).toBe("due-soon:2026-12-10");
    expect(reminderOccasion({ dueDate: "2026-12-07", overdue: false }, today)).toBe("due-soon:2026-12-07");
    expect(reminderOccasion({ dueDate: "2026-12-06", overdue: true }, today)).toBe("overdue:2026-12-06");
    // The date decides even when the flag was computed for another day.
    expect(reminderOccasion({ dueDate: "2026-12-06", overdue: false }, today)).toBe("overdue:2026-12-06");
  });

  it("gives a moved due date a new occasion, and the same date the same one on every scan", () => {
    const before = reminderOccasion({ dueDate: "2026-12-01", overdue: true }, today);
    expect(reminderOccasion({ dueDate: "2026-12-01", overdue: true }, "2026-12-20")).toBe(before);
    expect(reminderOccasion({ dueDate: "2026-12-31", overdue: false }, today)).not.toBe(before);
  });

  it("reminds of undated work once", () => {
    expect(reminderOccasion({ dueDate: null, overdue: false }, today)).toBe("waiting");
  });

  it("names the kind of each occasion", () => {
    expect(["due-soon:2026-12-10", "overdue:2026-12-06", "waiting"].map(occasionKindOf)).toEqual([
      "due_soon",
      "overdue",
      "waiting",
    ]);
  });

  it("judges by the UTC day", () => {
    expect(utcDay(new Date("2026-12-07T23:59:59.999Z"))).toBe("2026-12-07");
    expect(utcDay(new Date("2026-12-08T00:00:00.000Z"))).toBe("2026-12-08");
  });

  it("reminds of dated work a week ahead, and of evidence and training a month before they run out", () => {
    const on = (kind: "corrective_action" | "evidence_expiry" | "training_expiry", dueDate: string | null) =>
      isReminderDue({ kind, dueDate }, today);
    expect(on("corrective_action", "2026-12-14")).toBe(true);
    expect(on("corrective_action", "2026-12-15")).toBe(false);
    expect(on("corrective_action", "2020-01-01")).toBe(true);
    expect(on("evidence_expiry", "2027-01-06")).toBe(true);
    expect(on("evidence_expiry", "2027-01-07")).toBe(false);
    expect(on("training_expiry", "2027-01-06")).toBe(true);
    expect(on("corrective_action", null)).toBe(true);
  });
});
