import { describe, expect, it } from "vitest";
import { type AttributedRecord, type AuditTeamMember, findIndependenceWarnings } from "./audit-independence.js";

const lead: AuditTeamMember = { memberId: "m-lead", name: "Dana Reyes", teamRole: "lead" };
const auditor: AuditTeamMember = { memberId: "m-aud", name: "Sam Okafor", teamRole: "auditor" };
const outsider: AuditTeamMember = { memberId: "m-out", name: "Kim Lee", teamRole: "auditor" };

const record = (memberId: string, fields: Partial<AttributedRecord>): AttributedRecord => ({
  memberId,
  kind: "ai_system",
  id: `id-${fields.ref ?? "x"}-${fields.relation ?? "owner"}`,
  ref: "support-bot",
  title: "Support bot",
  relation: "owner",
  ...fields,
});

describe("auditor independence", () => {
  it("warns about each auditor who owns or is assigned records in scope, naming them and the records", () => {
    const records = [
      record("m-aud", { kind: "control", ref: "A.6.2.4", title: "AI system verification and validation" }),
      record("m-lead", { kind: "ai_system", ref: "support-bot", title: "Support bot" }),
      record("m-lead", { kind: "corrective_action", ref: "NC-2", title: "Retest the filter", relation: "assignee" }),
      record("m-nobody", { kind: "risk", ref: "R-1", title: "Prompt injection" }),
    ];
    const warnings = findIndependenceWarnings([auditor, lead, outsider], records);
    expect(warnings.map((w) => w.auditor.name)).toEqual(["Dana Reyes", "Sam Okafor"]);
    expect(warnings[0]).toMatchObject({
      teamRole: "lead",
      records: [expect.objectContaining({ ref: "support-bot" }), expect.objectContaining({ ref: "NC-2" })],
    });
    expect(warnings[0]?.message).toBe(
      'Dana Reyes (lead auditor) owns AI system support-bot (Support bot) and is assigned corrective action "Retest the filter" of NC-2 in this audit\'s scope, and so would audit their own work. Give those checklist items to another auditor, or record how impartiality is kept.',
    );
    expect(warnings[1]?.message).toContain(
      "Sam Okafor (auditor) owns control A.6.2.4 (AI system verification and validation)",
    );
    expect(warnings[1]?.records[0]).not.toHaveProperty("memberId");
  });

  it("gives no warning when no auditor is tied to an audited record", () => {
    expect(findIndependenceWarnings([lead, outsider], [record("m-else", {})])).toEqual([]);
    expect(findIndependenceWarnings([], [record("m-lead", {})])).toEqual([]);
  });

  it("names a record once per tie, and shortens a long list", () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      record("m-lead", { kind: "risk", id: `r${i}`, ref: `R-${i}`, title: `Risk ${i}` }),
    );
    const [warning] = findIndependenceWarnings([lead, lead], [...many, ...many]);
    expect(warning?.records).toHaveLength(8);
    expect(warning?.message).toContain("R-4 (Risk 4) and 3 more");
  });
});
