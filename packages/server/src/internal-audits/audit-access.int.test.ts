import { type RouteDef, type RouteId, roleAllows, routes } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { membershipIdOf, orgCaller } from "./internal-audit-testing.js";

describe("who may write audit records", () => {
  let t: TestServer;
  let call: ReturnType<typeof orgCaller>;
  let owner: TestMember;
  let onTeam: TestMember;
  let offTeam: TestMember;
  let contributor: TestMember;
  let onTeamId: string;
  let offTeamId: string;
  let audit: { id: string; version: number; items: { id: string; version: number }[] };

  beforeAll(async () => {
    t = await startTestServer();
    call = orgCaller(t);
    owner = await t.addOrg("Access");
    onTeam = await t.addMember(owner.orgId, "auditor");
    offTeam = await t.addMember(owner.orgId, "auditor");
    contributor = await t.addMember(owner.orgId, "contributor");
    onTeamId = await membershipIdOf(t, onTeam);
    offTeamId = await membershipIdOf(t, offTeam);
    const res = await call(owner, "POST", "/internal-audits", {
      title: "Policy audit",
      scope: { clauseIds: ["5.2"] },
      plannedStart: "2026-05-04",
      plannedEnd: "2026-05-08",
      leadAuditorMemberId: await membershipIdOf(t, owner),
      auditorMemberIds: [onTeamId],
    });
    expect(res.statusCode, res.body).toBe(201);
    audit = res.json();
  });
  afterAll(() => t.close());

  it("lets an auditor on the team start and answer the audit", async () => {
    const started = await call(onTeam, "POST", `/internal-audits/${audit.id}/transition`, {
      version: audit.version,
      to: "in_progress",
    });
    expect(started.statusCode, started.body).toBe(200);
    const item = audit.items[0] as { id: string; version: number };
    const answered = await call(onTeam, "PATCH", `/internal-audits/${audit.id}/items/${item.id}`, {
      version: item.version,
      result: "observation",
    });
    expect(answered.statusCode, answered.body).toBe(200);
  });

  it("refuses an auditor who is not on the team, saying why, while letting them read", async () => {
    const current = (await call(offTeam, "GET", `/internal-audits/${audit.id}`)).json();
    expect(current.items).toHaveLength(1);
    const refusals = [
      await call(offTeam, "PATCH", `/internal-audits/${audit.id}`, { version: current.version, title: "Mine now" }),
      await call(offTeam, "POST", `/internal-audits/${audit.id}/transition`, {
        version: current.version,
        to: "reporting",
      }),
      await call(offTeam, "PATCH", `/internal-audits/${audit.id}/items/${current.items[0].id}`, {
        version: current.items[0].version,
        notes: "x",
      }),
    ];
    for (const res of refusals) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        code: "forbidden",
        message: `You are not on the team of ${current.ref} (lead auditor or auditor); with the auditor role you may change only the audits you are on.`,
      });
    }
    const unchanged = (await call(owner, "GET", `/internal-audits/${audit.id}`)).json();
    expect(unchanged.version).toBe(current.version);
  });

  it("lets an auditor plan an audit they lead, not one they are left off, and never a programme", async () => {
    const own = await call(offTeam, "POST", "/internal-audits", {
      title: "Supplier audit",
      scope: { controlIds: ["A.10.3"] },
      plannedStart: "2026-07-01",
      plannedEnd: "2026-07-03",
      leadAuditorMemberId: offTeamId,
    });
    expect(own.statusCode, own.body).toBe(201);
    const forOthers = await call(offTeam, "POST", "/internal-audits", {
      title: "Someone else's audit",
      plannedStart: "2026-07-01",
      plannedEnd: "2026-07-03",
      leadAuditorMemberId: onTeamId,
    });
    expect(forOthers.statusCode).toBe(403);
    expect(forOthers.json().error.message).toContain("You are not on the team of this audit");
    const programme = await call(onTeam, "POST", "/audit-programmes", {
      title: "Auditor's own programme",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      frequency: "annual",
    });
    expect(programme.statusCode).toBe(403);
    expect(programme.json().error.message).toBe(
      "Members with the auditor role record audits but do not plan the audit programme; ask a compliance manager, admin or owner.",
    );
  });

  it("keeps contributors and viewers out of audit records by the route's permission", async () => {
    const res = await call(contributor, "POST", `/internal-audits/${audit.id}/transition`, {
      version: 1,
      to: "cancelled",
      conclusion: "no",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe("Your role (contributor) does not allow this (needs audit_records.write).");
    expect((await call(contributor, "GET", `/internal-audits/${audit.id}`)).statusCode).toBe(200);
  });

  it("gives auditors no write beyond what a viewer may, except the internal audit routes", () => {
    const writes = (Object.entries(routes) as [RouteId, RouteDef][]).filter(
      ([, route]) => route.write && route.access.kind === "org",
    );
    const permissionOf = (route: RouteDef) => (route.access.kind === "org" ? route.access.permission : "org.read");
    const auditorOnly = writes
      .filter(([, route]) => roleAllows("auditor", permissionOf(route)) && !roleAllows("viewer", permissionOf(route)))
      .map(([id]) => id);
    const auditRouteIds = writes.filter(([, r]) => permissionOf(r) === "audit_records.write").map(([id]) => id);
    expect(auditorOnly.sort()).toEqual(auditRouteIds.sort());
    expect(auditRouteIds.sort()).toEqual(
      [
        "createAuditProgramme",
        "updateAuditProgramme",
        "archiveAuditProgramme",
        "createInternalAudit",
        "updateInternalAudit",
        "transitionInternalAudit",
        "updateChecklistItem",
        "setChecklistItemEvidence",
        "raiseNonconformityFromAuditItem",
        "logImprovementFromAuditItem",
      ].sort(),
    );
  });

  it("refuses an auditor's write anywhere else in the system", async () => {
    const tries = [
      await call(onTeam, "POST", "/risks", { title: "A risk" }),
      await call(onTeam, "POST", "/nonconformities", { title: "x", severity: "minor", source: "manual" }),
      await call(onTeam, "POST", "/evidence", { kind: "record", title: "x", body: "y" }),
    ];
    for (const res of tries) expect(res.statusCode).toBe(403);
  });
});
