import type { DueItem } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { groupMyWork, myWorkGroupOf } from "./my-work-groups.js";

const item = (dueDate: string | null): DueItem => ({
  kind: "corrective_action",
  recordType: "corrective_action",
  recordId: "00000000-0000-4000-8000-000000000001",
  ref: null,
  title: "t",
  memberId: "00000000-0000-4000-8000-000000000002",
  dueDate,
  overdue: false,
  path: "x",
});

describe("my work groups", () => {
  it("puts yesterday in overdue, today to six days ahead in this week, a week ahead in later, no date in undated", () => {
    const today = "2026-12-31";
    expect(myWorkGroupOf(item("2026-12-30"), today)).toBe("overdue");
    expect(myWorkGroupOf(item("2026-12-31"), today)).toBe("this_week");
    expect(myWorkGroupOf(item("2027-01-06"), today)).toBe("this_week");
    expect(myWorkGroupOf(item("2027-01-07"), today)).toBe("later");
    expect(myWorkGroupOf(item(null), today)).toBe("undated");
  });

  it("always lists the four groups in order and counts the overdue", () => {
    const work = groupMyWork([item("2026-01-01"), item("2026-01-02"), item(null)], "2026-03-01");
    expect(work.groups.map((group) => [group.group, group.items.length])).toEqual([
      ["overdue", 2],
      ["this_week", 0],
      ["later", 0],
      ["undated", 1],
    ]);
    expect(work).toMatchObject({ total: 3, overdue: 2, today: "2026-03-01" });
  });
});
