import { randomUUID } from "node:crypto";
import { openTestDatabase } from "@openaims/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenApprovedAiPolicy, givenMember, givenOrg } from "./as-of-test-fixtures.js";
import { trainingCoverageAsOf } from "./training-coverage-as-of.js";

const DAY = 24 * 60 * 60_000;
const base = new Date(Date.UTC(2024, 0, 1));
const day = (n: number) => new Date(base.getTime() + n * DAY);
const isoDay = (n: number) => day(n).toISOString().slice(0, 10);

describe("trainingCoverageAsOf", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let orgId: string;
  let bob: string;
  let carol: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    orgId = await givenOrg(db, "Coverage");
    const otherOrg = await givenOrg(db, "Elsewhere");
    const alice = await givenMember(db, orgId, { name: "Alice", role: "compliance_manager", joinedAt: day(0) });
    bob = await givenMember(db, orgId, { name: "Bob", role: "contributor", joinedAt: day(0) });
    carol = await givenMember(db, orgId, { name: "Carol", role: "contributor", joinedAt: day(0) });
    await givenMember(db, orgId, { name: "Dan", role: "contributor", joinedAt: day(200) });
    const stranger = await givenMember(db, otherOrg, { name: "Stranger", role: "contributor", joinedAt: day(0) });

    const requirement = { org_id: orgId, created_at: day(0) };
    await db
      .insertInto("competence_requirements")
      .values([
        {
          ...requirement,
          id: randomUUID(),
          applies_to_kind: "role",
          applies_to: "contributor",
          competence: "Knows the AI risks of their work",
          course: "AI risk basics",
          renewal_months: 12,
        },
        {
          ...requirement,
          id: randomUUID(),
          applies_to_kind: "responsibility",
          applies_to: "risk_management",
          competence: "Runs a risk assessment",
          course: "Risk assessment",
          renewal_months: null,
        },
      ])
      .execute();
    await db
      .insertInto("responsibility_assignments")
      .values({
        id: randomUUID(),
        org_id: orgId,
        subject_type: "process",
        process: "risk_management",
        system_id: null,
        member_id: alice,
        raci_role: "accountable",
        note: "",
        created_at: day(0),
      })
      .execute();
    const record = { org_id: orgId, provider: "", notes: "" };
    await db
      .insertInto("training_records")
      .values([
        // No expiry of its own: the requirement's twelve months apply.
        {
          ...record,
          id: randomUUID(),
          member_id: bob,
          course: "AI risk basics",
          completed_on: isoDay(10),
          expires_on: null,
        },
        {
          ...record,
          id: randomUUID(),
          member_id: alice,
          course: " risk ASSESSMENT",
          completed_on: isoDay(20),
          expires_on: null,
        },
        {
          ...record,
          org_id: otherOrg,
          id: randomUUID(),
          member_id: stranger,
          course: "AI risk basics",
          completed_on: isoDay(1),
          expires_on: null,
        },
      ])
      .execute();
    const policy = await givenApprovedAiPolicy(db, orgId, day(5));
    await db
      .insertInto("policy_acknowledgements")
      .values({
        id: randomUUID(),
        org_id: orgId,
        member_id: bob,
        document_id: policy.documentId,
        document_version_id: policy.versionId,
        acknowledged_at: day(6),
      })
      .execute();
  });
  afterAll(() => database.close());

  it("counts completions done by the date and still valid, so two dates differ", async () => {
    const early = await trainingCoverageAsOf(database.db, orgId, day(15));
    expect(early.byRole).toEqual([
      { role: "contributor", members: 2, requirements: 1, fullyCovered: 1, coveragePercent: 50 },
    ]);
    expect(early.byResponsibility).toEqual([
      { responsibility: "risk_management", members: 1, requirements: 1, fullyCovered: 0, coveragePercent: 0 },
    ]);
    expect(early.gaps.map((g) => [g.member.name, g.course, g.kind])).toEqual([
      ["Alice", "Risk assessment", "missing"],
      ["Carol", "AI risk basics", "missing"],
    ]);
    expect(early.gapCounts).toEqual({ missing: 2, expired: 0, expiring: 0 });
    expect(early.policyAcknowledgement).toMatchObject({ acknowledged: 1, total: 3, policy: { versionNumber: 1 } });

    // Bob's completion lasts twelve months; 20 days before it runs out it is a gap that still counts.
    const expiring = await trainingCoverageAsOf(database.db, orgId, new Date(Date.UTC(2024, 11, 21)));
    expect(expiring.byRole[0]).toMatchObject({ members: 3, fullyCovered: 1 });
    expect(expiring.byResponsibility[0]).toMatchObject({ fullyCovered: 1, coveragePercent: 100 });
    expect(expiring.gaps.find((g) => g.member.id === bob)).toMatchObject({ kind: "expiring", expiresOn: "2025-01-11" });

    const later = await trainingCoverageAsOf(database.db, orgId, new Date(Date.UTC(2025, 0, 11)));
    expect(later.byRole[0]).toMatchObject({ members: 3, fullyCovered: 0, coveragePercent: 0 });
    expect(later.gaps.map((g) => [g.member.name, g.kind])).toEqual([
      ["Bob", "expired"],
      ["Carol", "missing"],
      ["Dan", "missing"],
    ]);
    expect(later.gapCounts).toEqual({ missing: 2, expired: 1, expiring: 0 });
  });

  it("has no policy before its approval, and counts acknowledgements up to the date", async () => {
    const before = await trainingCoverageAsOf(database.db, orgId, day(4));
    expect(before.policyAcknowledgement).toEqual({ policy: null, acknowledged: 0, total: 3 });
    const approvedOnly = await trainingCoverageAsOf(database.db, orgId, new Date(day(5).getTime() + 1000));
    expect(approvedOnly.policyAcknowledgement).toMatchObject({ acknowledged: 0, total: 3 });
    expect(approvedOnly.gaps.every((g) => g.member.id !== carol || g.kind === "missing")).toBe(true);
  });
});
