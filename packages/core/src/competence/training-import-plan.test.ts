import { describe, expect, it } from "vitest";
import { planTrainingImport, trainingMatchKey } from "./training-import-plan.js";

const lookups = {
  memberIdByEmail: new Map([
    ["ada@example.com", "m-ada"],
    ["bo@example.com", "m-bo"],
  ]),
  renewalMonthsByCourse: new Map([["ai risk basics", [12]]]),
  existing: new Map([
    [
      trainingMatchKey("m-bo", "AI risk basics", "2025-02-01"),
      { id: "t-1", provider: "Acme", expiresOn: "2026-02-01", notes: "" },
    ],
  ]),
  today: "2025-06-01",
};
const headers = ["Member", "Course", "Provider", "Completed", "Expires", "Notes"];

describe("planTrainingImport", () => {
  it("creates, updates or leaves records, and defaults the expiry from the course's requirement", () => {
    const plan = planTrainingImport(
      {
        headers,
        rows: [
          { row: 2, cells: ["ADA@example.com", "AI risk basics", "Acme", "2025-03-10", "", ""] },
          { row: 3, cells: ["bo@example.com", "ai risk basics", "Acme", "2025-02-01", "2026-02-01", ""] },
          { row: 4, cells: ["bo@example.com", "AI risk basics", "Acme", "2025-02-01", "2026-02-01", "renewed"] },
          { row: 5, cells: ["bo@example.com", "Prompt safety", "", "2025-04-01", "", ""] },
        ],
      },
      lookups,
    );
    // Rows 3 and 4 name the same record, so the second is refused as a repeat.
    expect(plan.rows.map((r) => [r.row, r.action])).toEqual([
      [2, "create"],
      [3, "unchanged"],
      [4, "invalid"],
      [5, "create"],
    ]);
    expect(plan.rows[0]?.values).toMatchObject({ memberId: "m-ada", expiresOn: "2026-03-10" });
    expect(plan.rows[3]?.values?.expiresOn).toBeNull();
    expect(plan.valid).toBe(false);
  });

  it("names every bad row and column: unknown e-mail, bad dates, future completion, expiry before completion", () => {
    const plan = planTrainingImport(
      {
        headers,
        rows: [
          { row: 2, cells: ["nobody@example.com", "AI risk basics", "", "2025-03-10", "", ""] },
          { row: 3, cells: ["ada@example.com", "", "", "10/03/2025", "", ""] },
          { row: 4, cells: ["ada@example.com", "AI risk basics", "", "2025-07-01", "", ""] },
          { row: 5, cells: ["ada@example.com", "AI risk basics", "", "2025-03-01", "2025-02-01", ""] },
        ],
      },
      lookups,
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      "row 2, member: no active member of this organisation has the e-mail nobody@example.com",
      "row 3, course: needs the name of the course",
      "row 3, completed: must be a date written as YYYY-MM-DD",
      "row 4, completed: must not be in the future",
      "row 5, expires: must be after the completed date",
    ]);
    expect(plan.summary).toMatchObject({ rows: 4, invalid: 4, create: 0 });
  });

  it("needs member, course and completed columns", () => {
    const plan = planTrainingImport(
      { headers: ["Member", "Provider"], rows: [{ row: 2, cells: ["ada@example.com", "x"] }] },
      lookups,
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      "row 1, course: the file needs a course column",
      "row 1, completed: the file needs a completed column",
    ]);
  });
});
