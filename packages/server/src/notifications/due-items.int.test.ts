import type { DueItem, MyWork } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipOf } from "../reminders/reminder-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { SEED_TODAY, type SeededRecords, type SeedMembers, seedEveryKind } from "./due-item-test-fixtures.js";
import { listDueItems } from "./due-items.js";

describe("due items", () => {
  let t: TestServer;
  let owner: TestMember;
  let alice: TestMember;
  let other: TestMember;
  let m: SeedMembers & { owner: string };
  let r: SeededRecords;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Due");
    alice = await t.addMember(owner.orgId, "compliance_manager");
    const bob = await t.addMember(owner.orgId, "contributor");
    const carol = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Elsewhere");
    m = {
      owner: await membershipOf(t.db, owner.orgId, owner.userId),
      alice: await membershipOf(t.db, owner.orgId, alice.userId),
      aliceUser: alice.userId,
      bob: await membershipOf(t.db, owner.orgId, bob.userId),
      carol: await membershipOf(t.db, owner.orgId, carol.userId),
    };
    r = await seedEveryKind(t.db, owner.orgId, m);
  });
  afterAll(() => t.close());

  const listFor = (memberId: string) => listDueItems(t.db, owner.orgId, { memberId, today: SEED_TODAY });
  const brief = (items: DueItem[]) =>
    items.map((item) => ({ kind: item.kind, recordId: item.recordId, dueDate: item.dueDate, overdue: item.overdue }));

  it("lists each kind of work for the member who must act, with its date, overdue flag and page", async () => {
    const items = await listFor(m.alice);
    expect(items.every((item) => item.memberId === m.alice)).toBe(true);
    expect(brief(items)).toEqual([
      { kind: "corrective_action", recordId: r.correctiveAction, dueDate: "2026-06-01", overdue: true },
      { kind: "review_action", recordId: r.reviewAction, dueDate: "2026-06-01", overdue: true },
      { kind: "document_review", recordId: r.document, dueDate: "2026-06-10", overdue: true },
      { kind: "risk_review", recordId: r.risk, dueDate: "2026-06-14", overdue: true },
      { kind: "management_review", recordId: r.review, dueDate: "2026-06-20", overdue: false },
      { kind: "treatment_action", recordId: r.treatmentAction, dueDate: "2026-06-20", overdue: false },
      { kind: "evidence_expiry", recordId: r.evidence, dueDate: "2026-06-25", overdue: false },
      { kind: "audit_item", recordId: r.audit, dueDate: "2026-06-30", overdue: false },
      { kind: "system_review", recordId: r.system, dueDate: "2026-06-30", overdue: false },
      { kind: "training_expiry", recordId: r.training, dueDate: "2026-07-01", overdue: false },
      { kind: "objective", recordId: r.objective, dueDate: "2026-12-31", overdue: false },
      { kind: "approval", recordId: r.reviewedVersion, dueDate: null, overdue: false },
      { kind: "gate_sign_off", recordId: r.system, dueDate: null, overdue: false },
      { kind: "impact_assessment", recordId: r.system, dueDate: null, overdue: false },
      { kind: "policy_acknowledgement", recordId: r.policy, dueDate: null, overdue: false },
    ]);
    const byKind = Object.fromEntries(items.map((item) => [item.kind, item]));
    expect(byKind.corrective_action?.path).toBe(`nonconformities/${r.nonconformity}`);
    expect(byKind.treatment_action?.path).toBe(`risks/${r.risk}`);
    expect(byKind.review_action?.path).toBe(`reviews/${r.otherReview}`);
    expect(byKind.audit_item?.title).toBe("2 checklist items to answer: Annex A sample");
    expect(byKind.gate_sign_off?.title).toBe("Sign off Support bot into deployment");
    expect(byKind.gate_sign_off?.path).toBe(`inventory/systems/${r.system}?tab=gate`);
    expect(byKind.impact_assessment?.title).toBe("Assess the impact of Support bot");
    expect(byKind.approval?.title).toBe("Approve version 2 of Data policy");
  });

  it("gives work to whoever must act: a control's owner (a viewer, who approves nothing), a role's signer, an approver other than the author", async () => {
    expect(brief(await listFor(m.carol))).toEqual([
      { kind: "evidence_expiry", recordId: r.controlEvidence, dueDate: "2026-06-10", overdue: true },
      { kind: "policy_acknowledgement", recordId: r.policy, dueDate: null, overdue: false },
    ]);
    // Bob submitted the version and acknowledged the policy; he may approve alice's change.
    expect(brief(await listFor(m.bob))).toEqual([
      { kind: "approval", recordId: r.change, dueDate: null, overdue: false },
    ]);
    const ownerKinds = (await listFor(m.owner)).map((item) => [item.kind, item.recordId]);
    expect(ownerKinds).toEqual(
      expect.arrayContaining([
        ["gate_sign_off", r.system],
        ["approval", r.change],
        ["approval", r.reviewedVersion],
      ]),
    );
  });

  it("without segregation of duties, authors may approve their own work", async () => {
    await t.db
      .updateTable("organizations")
      .set({ segregation_of_duties: false })
      .where("id", "=", owner.orgId)
      .execute();
    try {
      const approvals = (await listFor(m.bob)).filter((item) => item.kind === "approval").map((item) => item.recordId);
      expect(approvals.sort()).toEqual([r.change, r.reviewedVersion].sort());
    } finally {
      await t.db
        .updateTable("organizations")
        .set({ segregation_of_duties: true })
        .where("id", "=", owner.orgId)
        .execute();
    }
  });

  it("for the reminder scan lists every member's work up to the horizon, undated work included", async () => {
    const items = await listDueItems(t.db, owner.orgId, { today: SEED_TODAY, horizonDays: 7 });
    const dated = items.filter((item) => item.dueDate !== null);
    expect(dated.every((item) => (item.dueDate as string) <= "2026-06-22")).toBe(true);
    expect(dated.map((item) => item.kind)).not.toContain("objective");
    // Approvals anyone may give are not pushed to everyone; sign-offs go to each role that must sign.
    expect(items.filter((item) => item.kind === "approval")).toEqual([]);
    const signers = items.filter((item) => item.kind === "gate_sign_off").map((item) => item.memberId);
    expect(signers.sort()).toEqual([m.alice, m.owner].sort());
    expect(
      items
        .filter((item) => item.kind === "policy_acknowledgement")
        .map((item) => item.memberId)
        .sort(),
    ).toEqual([m.owner, m.alice, m.carol].sort());
  });

  it("lists a document version for the approvers its submitter named, in the scan too", async () => {
    await t.db
      .updateTable("document_versions")
      .set({ approver_member_ids: JSON.stringify([m.carol]) })
      .where("id", "=", r.reviewedVersion)
      .execute();
    try {
      const scan = await listDueItems(t.db, owner.orgId, { today: SEED_TODAY });
      expect(scan.filter((item) => item.kind === "approval").map((item) => item.memberId)).toEqual([m.carol]);
      expect((await listFor(m.alice)).map((item) => item.recordId)).not.toContain(r.reviewedVersion);
    } finally {
      await t.db
        .updateTable("document_versions")
        .set({ approver_member_ids: "[]" })
        .where("id", "=", r.reviewedVersion)
        .execute();
    }
  });

  it("drops work once it is done, signed off or acknowledged", async () => {
    await t.db.updateTable("corrective_actions").set({ status: "done" }).where("id", "=", r.correctiveAction).execute();
    await t.db
      .insertInto("gate_sign_offs")
      .values({
        id: crypto.randomUUID(),
        org_id: owner.orgId,
        system_id: r.system,
        stage: "deployment",
        role: "compliance_manager",
        member_id: m.alice,
        signer_label: "Alice",
        note: "",
      })
      .execute();
    await t.db
      .insertInto("policy_acknowledgements")
      .values({
        id: crypto.randomUUID(),
        org_id: owner.orgId,
        member_id: m.alice,
        document_id: r.policy,
        document_version_id: r.policyVersion,
      })
      .execute();
    const kinds = (await listFor(m.alice)).map((item) => item.kind);
    expect(kinds).not.toContain("corrective_action");
    expect(kinds).not.toContain("gate_sign_off");
    expect(kinds).not.toContain("policy_acknowledgement");
    // The owner's sign-off is still missing.
    expect((await listFor(m.owner)).map((item) => item.kind)).toContain("gate_sign_off");
  });

  it("keeps organisations apart: another organisation's member has nothing here, and its API answers 404", async () => {
    const otherMember = await membershipOf(t.db, other.orgId, other.userId);
    expect(await listDueItems(t.db, owner.orgId, { memberId: otherMember, today: SEED_TODAY })).toEqual([]);
    expect(await listDueItems(t.db, other.orgId, { memberId: m.alice, today: SEED_TODAY })).toEqual([]);
    const foreign = await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/my-work` });
    expect(foreign.statusCode).toBe(404);
    const own = await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${other.orgId}/my-work` });
    expect(own.json()).toMatchObject({ total: 0, overdue: 0 });
  });

  it("GET my-work answers the signed-in member's work in the four groups", async () => {
    const res = await t.call(alice.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/my-work` });
    expect(res.statusCode, res.body).toBe(200);
    const work = res.json() as MyWork;
    expect(work.groups.map((group) => group.group)).toEqual(["overdue", "this_week", "later", "undated"]);
    expect(work.total).toBe(work.groups.reduce((sum, group) => sum + group.items.length, 0));
    expect(work.overdue).toBe(work.groups[0]?.items.length);
    // The real clock decides: every seeded date lies in 2026, before or after today.
    expect(work.groups.find((group) => group.group === "undated")?.items.map((item) => item.kind)).toEqual(
      expect.arrayContaining(["approval", "impact_assessment"]),
    );
  });
});
