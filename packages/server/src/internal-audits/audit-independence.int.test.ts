import type { InternalAuditDetail } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { membershipIdOf, orgCaller } from "./internal-audit-testing.js";

describe("auditor independence warnings", () => {
  let t: TestServer;
  let call: ReturnType<typeof orgCaller>;
  let owner: TestMember;
  let ownerId: string;
  let riskOwnerId: string;
  let outsiderId: string;
  let systemId: string;
  const ids: Record<string, string> = {};

  const created = async (path: string, body: object) => {
    const res = await call(owner, "POST", path, body);
    expect(res.statusCode, `${path} ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestServer();
    call = orgCaller(t);
    owner = await t.addOrg("Independence");
    ownerId = await membershipIdOf(t, owner);
    riskOwnerId = await membershipIdOf(t, await t.addMember(owner.orgId, "compliance_manager"));
    outsiderId = await membershipIdOf(t, await t.addMember(owner.orgId, "auditor"));
    // The owner runs the system, the control, the AI policy and a corrective action; a colleague owns a
    // risk the control treats and holds its treatment action.
    systemId = (
      await created("/systems", {
        name: "Claims bot",
        ourRole: "provider",
        impactTier: "low",
        autonomy: "advisory",
        ownerId,
      })
    ).id;
    const control = await t.db
      .selectFrom("controls")
      .select(["id", "version"])
      .where("org_id", "=", owner.orgId)
      .where("ref", "=", "A.6.2.4")
      .executeTakeFirstOrThrow();
    const patched = await call(owner, "PATCH", `/controls/${control.id}`, {
      version: control.version,
      ownerMemberId: ownerId,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    ids.control = control.id;
    ids.policy = (await created("/documents", { title: "AI policy", kind: "ai_policy", ownerMemberId: ownerId })).id;
    await created("/documents", { title: "Supplier procedure", kind: "procedure", ownerMemberId: ownerId });
    const risk = await created("/risks", { title: "Untested release", ownerMemberId: riskOwnerId });
    ids.risk = risk.id;
    await created(`/controls/${control.id}/risks`, { riskId: risk.id });
    ids.treatment = (
      await created(`/risks/${risk.id}/actions`, { title: "Add release tests", ownerMemberId: riskOwnerId })
    ).id;
    const nc = await created("/nonconformities", {
      title: "Bot leaked a name",
      severity: "minor",
      source: "manual",
      systemId,
    });
    ids.correctiveAction = (
      await created(`/nonconformities/${nc.nonconformity?.id ?? nc.id}/actions`, {
        title: "Mask names in replies",
        ownerMemberId: ownerId,
      })
    ).id;
  });
  afterAll(() => t.close());

  it("names each auditor and the records in scope they own or are assigned, lead first", async () => {
    const res = await call(owner, "POST", "/internal-audits", {
      title: "Policy and V&V",
      scope: { clauseIds: ["5.2"], controlIds: ["A.6.2.4"], systemIds: [systemId] },
      plannedStart: "2026-05-04",
      plannedEnd: "2026-05-08",
      leadAuditorMemberId: ownerId,
      auditorMemberIds: [riskOwnerId, outsiderId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const audit: InternalAuditDetail = res.json();
    const byAuditor = audit.independenceWarnings.map((w) => [
      w.auditor.memberId,
      w.teamRole,
      w.records.map((r) => `${r.kind}:${r.id}:${r.relation}`).sort(),
    ]);
    expect(byAuditor).toEqual([
      [
        ownerId,
        "lead",
        [
          `ai_system:${systemId}:owner`,
          `control:${ids.control}:owner`,
          `corrective_action:${ids.correctiveAction}:assignee`,
          `document:${ids.policy}:owner`,
        ].sort(),
      ],
      [riskOwnerId, "auditor", [`risk:${ids.risk}:owner`, `treatment_action:${ids.treatment}:assignee`].sort()],
    ]);
    expect(audit.independenceWarnings[1]?.message).toMatch(
      /^Test compliance_manager \(auditor\) owns risk R-\d+ \(Untested release\) and is assigned treatment action "Add release tests" of R-\d+ in this audit's scope/,
    );
  });

  it("warns about nothing outside the scope: another clause's documents, other systems", async () => {
    const res = await call(owner, "POST", "/internal-audits", {
      title: "Competence only",
      scope: { clauseIds: ["7.2"] },
      plannedStart: "2026-05-04",
      plannedEnd: "2026-05-08",
      leadAuditorMemberId: ownerId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().independenceWarnings).toEqual([]);
  });
});
