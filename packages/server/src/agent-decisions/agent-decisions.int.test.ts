import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestMailServer, textBodyOf } from "../testing/test-mail-server.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { pushAgentMetricObservations } from "./agent-decision-metrics.js";

/** The example policy, with fetch_url allowed so that the flow rule after it can be reached. */
const POLICY = `default: deny
tools:
  lookup_order: allow
  issue_refund: { approval: { role: approver }, arguments: { amount: { maximum: 100 } } }
  send_email: allow
  delete_customer: deny
  fetch_url: allow
flows:
  - after: [fetch_url]
    require_approval: [send_email]
`;

async function eventually<T>(read: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("agent decisions", () => {
  let t: TestServer;
  let mail: Awaited<ReturnType<typeof startTestMailServer>>;
  let owner: TestMember;
  let author: TestMember;
  let agentToken: TestMember;
  let approver: TestMember;
  let requester: TestMember;
  let viewer: TestMember;
  let other: TestMember;
  let agentId: string;
  let plainSystemId: string;
  const base = (member: TestMember) => `/api/v1/orgs/${member.orgId}`;
  const post = (member: TestMember, path: string, payload: object) =>
    t.call(member.token, { method: "POST", url: `${base(member)}${path}`, payload });
  const get = (member: TestMember, path: string) =>
    t.call(member.token, { method: "GET", url: `${base(member)}${path}` });
  const decide = (payload: object) => post(agentToken, `/agents/${agentId}/decisions`, payload);
  async function created(member: TestMember, path: string, payload: object) {
    const res = await post(member, path, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  /** The link token the approval e-mail to `address` carries for approval `ref`. */
  async function linkTokenFor(address: string, ref: string): Promise<string> {
    const message = await eventually(() =>
      mail.received.find((m) => m.to.includes(address) && textBodyOf(m.raw).includes(ref)),
    );
    const token = /\/approve\/(aims_approve_[A-Za-z0-9_-]+)/.exec(textBodyOf(message.raw))?.[1];
    if (!token) throw new Error("no link in the mail");
    return token;
  }

  beforeAll(async () => {
    mail = await startTestMailServer();
    t = await startTestServer({ smtpUrl: mail.url });
    owner = await t.addOrg("Agents");
    author = await t.addMember(owner.orgId, "compliance_manager");
    agentToken = await t.addMember(owner.orgId, "contributor");
    approver = await t.addMember(owner.orgId, "contributor");
    requester = await t.addMember(owner.orgId, "admin");
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Elsewhere");
    const system = { ourRole: "provider", impactTier: "medium", autonomy: "advisory" };
    agentId = (
      await created(owner, "/systems", { ...system, name: "Support agent", capabilities: ["llm", "agent_tools"] })
    ).id;
    plainSystemId = (await created(owner, "/systems", { ...system, name: "Chat only", capabilities: ["llm"] })).id;
    for (const [name, actionClass] of [
      ["lookup_order", "read"],
      ["issue_refund", "financial"],
      ["send_email", "external_communication"],
      ["delete_customer", "write"],
      ["fetch_url", "read"],
    ]) {
      const asset = await created(owner, "/assets", { kind: "tool", name, actionClass });
      await created(owner, `/systems/${agentId}/asset-links`, { assetId: asset.id });
    }
    const policy = await created(author, "/agent-policies", { systemId: agentId, title: "Support agent tools" });
    const version = await created(author, `/agent-policies/${policy.id}/versions`, { source: POLICY });
    expect(version.problems).toEqual([]);
    const approved = await post(owner, `/agent-policies/${policy.id}/versions/${version.id}/approve`, {
      version: version.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await mail.close();
  });

  it("allows lookup_order and records the decision with the approved policy version", async () => {
    const res = await decide({
      sessionId: "s-1",
      requester: requester.email,
      call: { name: "lookup_order", arguments: { id: 7 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: "allow", rule: "tools.lookup_order" });
    expect(res.json().policyVersionId).toEqual(expect.any(String));
    expect(res.json().approval).toBeUndefined();
    const log = await get(owner, `/agents/${agentId}/decisions?tool=lookup_order`);
    expect(log.json().items[0]).toMatchObject({
      id: res.json().decisionId,
      outcome: "allow",
      origin: "api",
      sessionId: "s-1",
    });
  });

  it("denies a refund of 500 naming the argument rule, and delete_customer", async () => {
    const res = await decide({ sessionId: "s-1", call: { name: "issue_refund", arguments: { amount: 500 } } });
    expect(res.json()).toMatchObject({ outcome: "deny", rule: "tools.issue_refund.arguments.amount" });
    const del = await decide({ sessionId: "s-1", call: { name: "delete_customer", arguments: {} } });
    expect(del.json()).toMatchObject({ outcome: "deny", rule: "tools.delete_customer" });
  });

  it("holds a refund of 50 for approval: the requester may not approve, another member does, and the long-poll wakes", async () => {
    const res = await decide({
      sessionId: "s-1",
      requester: requester.email,
      call: { name: "issue_refund", arguments: { amount: 50 } },
    });
    expect(res.json()).toMatchObject({ outcome: "approval_required", rule: "tools.issue_refund.approval" });
    const approval = res.json().approval;
    expect(approval).toMatchObject({ status: "pending", requirement: { role: "approver", count: 1 } });
    expect(approval.ref).toMatch(/^AA-\d+$/);

    const detail = await get(requester, `/agent-approvals/${approval.id}`);
    expect(detail.json()).toMatchObject({
      mayApprove: false,
      call: { name: "issue_refund", arguments: { amount: 50 } },
    });
    expect(detail.json().mayNotApproveReason).toMatch(/Segregation of duties/);
    expect(detail.json().recentSteps.map((s: { call: { name: string } }) => s.call.name)).toEqual([
      "lookup_order",
      "issue_refund",
      "delete_customer",
      "issue_refund",
    ]);
    const eligible = detail.json().eligibleApprovers.map((m: { name: string }) => m.name);
    expect(eligible.length).toBeGreaterThan(0);
    const queue = await get(approver, "/agent-approvals?status=pending");
    expect(queue.json().items.map((a: { id: string }) => a.id)).toContain(approval.id);

    const started = Date.now();
    const waiting = t.call(agentToken.token, {
      method: "GET",
      url: `${base(agentToken)}/agent-approvals/${approval.id}/wait?timeoutSeconds=20`,
    });
    const own = await post(requester, `/agent-approvals/${approval.id}/approve`, { version: 1 });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("segregation_of_duties");
    const byViewer = await post(viewer, `/agent-approvals/${approval.id}/approve`, { version: 1 });
    expect(byViewer.statusCode).toBe(403);
    const stale = await post(approver, `/agent-approvals/${approval.id}/approve`, { version: 9 });
    expect(stale.statusCode).toBe(409);
    const ok = await post(approver, `/agent-approvals/${approval.id}/approve`, {
      version: 1,
      reason: "customer verified",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", answerReason: "customer verified" });
    const woke = await waiting;
    expect(woke.json()).toMatchObject({ status: "approved" });
    expect(Date.now() - started).toBeLessThan(10_000);
    const again = await post(approver, `/agent-approvals/${approval.id}/refuse`, {
      version: 2,
      reason: "too late now",
    });
    expect(again.statusCode).toBe(409);
    const log = await get(owner, `/agents/${agentId}/decisions?outcome=approval_required`);
    expect(log.json().items[0]).toMatchObject({
      finalOutcome: "approved",
      approval: { id: approval.id, status: "approved" },
    });
  });

  it("asks for approval of send_email after fetch_url in the same session only", async () => {
    const before = await decide({ sessionId: "s-2", call: { name: "send_email", arguments: { to: "a@example.com" } } });
    expect(before.json().outcome).toBe("allow");
    expect(
      (await decide({ sessionId: "s-2", call: { name: "fetch_url", arguments: { url: "https://x.test" } } })).json()
        .outcome,
    ).toBe("allow");
    const after = await decide({ sessionId: "s-2", call: { name: "send_email", arguments: { to: "a@example.com" } } });
    expect(after.json()).toMatchObject({ outcome: "approval_required", rule: "flows[0]" });
    const elsewhere = await decide({
      sessionId: "s-3",
      call: { name: "send_email", arguments: { to: "a@example.com" } },
    });
    expect(elsewhere.json().outcome).toBe("allow");
  });

  it("answers 404 for another organisation's agent and for a system that is not an agent", async () => {
    const call = { sessionId: "x", call: { name: "lookup_order", arguments: {} } };
    expect((await post(other, `/agents/${agentId}/decisions`, call)).statusCode).toBe(404);
    expect((await post(owner, `/agents/${plainSystemId}/decisions`, call)).statusCode).toBe(404);
    expect((await get(other, `/agents/${agentId}/decisions`)).statusCode).toBe(404);
    const bad = await decide({ sessionId: "", call: { name: "bad name!" } });
    expect(bad.statusCode).toBe(400);
  });

  it("makes approval links single-use, for their member only, and refuses them once expired", async () => {
    const res = await decide({
      sessionId: "s-4",
      requester: requester.email,
      call: { name: "issue_refund", arguments: { amount: 20 } },
    });
    const { ref, id } = res.json().approval;
    const token = await linkTokenFor(approver.email, ref);
    const approverSession = await t.signIn(approver.email);
    const ownerSession = await t.signIn(owner.email);
    const link = (session: { cookie: string; csrfToken: string }, method: "GET" | "POST", payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/agent-approval-links/${token}`,
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
        ...(payload ? { payload } : {}),
      });
    expect((await link(ownerSession, "GET")).statusCode).toBe(403);
    const opened = await link(approverSession, "GET");
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ id, orgId: owner.orgId, mayApprove: true });
    const answered = await link(approverSession, "POST", { decision: "approve", reason: "fine" });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe("approved");
    const reused = await link(approverSession, "POST", { decision: "refuse", reason: "changed my mind" });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.message).toMatch(/already used/);
    expect(mail.received.some((m) => m.to.includes(requester.email) && textBodyOf(m.raw).includes(ref))).toBe(false);

    const queued = await post(agentToken, `/agents/${agentId}/approvals`, {
      sessionId: "s-5",
      call: { name: "send_email", arguments: { to: "b@example.com" } },
      rule: "flows[0]",
      reason: "send_email comes after fetch_url in this session",
      requirement: { role: "approver", expires: "1s" },
      clientDecisionId: "gw-expiring-1",
    });
    expect(queued.statusCode, queued.body).toBe(201);
    const expiring = queued.json().approval;
    const expiringToken = await linkTokenFor(approver.email, expiring.ref);
    const waited = await t.call(agentToken.token, {
      method: "GET",
      url: `${base(agentToken)}/agent-approvals/${expiring.id}/wait?timeoutSeconds=10`,
    });
    expect(waited.json().status).toBe("expired");
    const late = await t.app.inject({
      method: "POST",
      url: `/api/v1/agent-approval-links/${expiringToken}`,
      headers: { cookie: approverSession.cookie, "x-csrf-token": approverSession.csrfToken },
      payload: { decision: "approve" },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/expired/);
    const again = await post(agentToken, `/agents/${agentId}/approvals`, {
      sessionId: "s-5",
      call: { name: "send_email", arguments: { to: "b@example.com" } },
      rule: "flows[0]",
      reason: "again",
      requirement: { role: "approver", expires: "1s" },
      clientDecisionId: "gw-expiring-1",
    });
    expect(again.json().approval.id).toBe(expiring.id);
  });

  it("records reported decisions once however often the batch is sent", async () => {
    const batch = {
      decisions: [1, 2].map((n) => ({
        clientDecisionId: `gw-${n}`,
        sessionId: "gw-session",
        decidedAt: new Date().toISOString(),
        origin: "gateway",
        call: { kind: "tool", name: "lookup_order", arguments: { id: n } },
        outcome: n === 1 ? "allow" : "deny",
        rule: n === 1 ? "tools.lookup_order" : "default",
        reason: "reported",
        durationUs: 40,
      })),
      screenings: [
        { at: new Date().toISOString(), direction: "input", rule: "planted_instructions", action: "blocked" },
        { at: new Date().toISOString(), direction: "output", rule: "pii.email", action: "flagged" },
      ],
    };
    const first = await post(agentToken, `/agents/${agentId}/decision-reports`, batch);
    expect(first.statusCode, first.body).toBe(200);
    const second = await post(agentToken, `/agents/${agentId}/decision-reports`, batch);
    expect(second.json()).toEqual(first.json());
    expect(first.json()).toEqual({ decisions: 2, screenings: 2 });
    const log = await get(owner, `/agents/${agentId}/decisions?origin=gateway&sessionId=gw-session`);
    expect(log.json().items).toHaveLength(2);
    const entries = await t.db
      .selectFrom("audit_entries")
      .select("entity_id")
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "agent_decision.recorded")
      .where(
        "entity_id",
        "in",
        log.json().items.map((d: { id: string }) => d.id),
      )
      .execute();
    expect(entries).toHaveLength(2);
  });

  it("keeps metrics: counts per outcome, deny rate, approval latency, screenings, and monitoring observations", async () => {
    const res = await get(owner, `/agents/${agentId}/decision-metrics?bucket=hour`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    const rows = await t.db.selectFrom("agent_decisions").select("outcome").where("system_id", "=", agentId).execute();
    expect(m.totals.total).toBe(rows.length);
    expect(m.totals.deny).toBe(rows.filter((r) => r.outcome === "deny").length);
    expect(m.denyRate).toBeCloseTo(m.totals.deny / m.totals.total);
    expect(m.approvalLatency.answered).toBe(2);
    expect(m.screenings).toEqual({ blocked: 1, flagged: 1 });
    const metrics = await t.db
      .selectFrom("metrics")
      .select(["id", "source_key"])
      .where("system_id", "=", agentId)
      .where("source", "=", "agent_decisions")
      .execute();
    expect(metrics.map((x) => x.source_key).sort()).toEqual([
      "approval_latency_p95",
      "decisions_per_hour",
      "deny_rate",
    ]);
    const hourEnd = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    const pushed = await pushAgentMetricObservations(t.db, hourEnd);
    expect(pushed).toBeGreaterThanOrEqual(3);
    expect(await pushAgentMetricObservations(t.db, hourEnd)).toBe(0);
  });

  it("verifies the decision log against the audit trail, and fails once a decision row is changed", async () => {
    const good = await get(owner, `/agents/${agentId}/decisions/verify`);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ verified: true, problems: [] });
    expect(good.json().checked).toBeGreaterThan(8);
    expect((await get(viewer, `/agents/${agentId}/decisions/verify`)).statusCode).toBe(403);
    const denied = await t.db
      .selectFrom("agent_decisions")
      .select("id")
      .where("system_id", "=", agentId)
      .where("outcome", "=", "deny")
      .executeTakeFirstOrThrow();
    await t.db.updateTable("agent_decisions").set({ outcome: "allow" }).where("id", "=", denied.id).execute();
    const bad = (await get(owner, `/agents/${agentId}/decisions/verify`)).json();
    expect(bad.verified).toBe(false);
    expect(bad.problems).toContainEqual(expect.objectContaining({ decisionId: denied.id }));
    expect(bad.problems[0].message).toMatch(/outcome is "allow" in the log but "deny"/);
  });
});
