import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimedJob, JobContext } from "../jobs/job-types.js";
import { createMailer } from "../mail/mailer.js";
import { signWebhook } from "../notifications/webhook-signature.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver.js";
import { APPROVAL_CALLBACK_JOB, APPROVAL_EXPIRY_JOB, approvalJobHandlers } from "./approval-lifecycle.js";

describe("agent approvals, further", () => {
  let t: TestServer;
  let receiver: WebhookReceiver;
  let owner: TestMember;
  let author: TestMember;
  let agent: TestMember;
  let first: TestMember;
  let second: TestMember;
  let excluded: TestMember;
  let agentId: string;
  const base = (member: TestMember) => `/api/v1/orgs/${member.orgId}`;
  const post = (member: TestMember, path: string, payload: object) =>
    t.call(member.token, { method: "POST", url: `${base(member)}${path}`, payload });
  const get = (member: TestMember, path: string) =>
    t.call(member.token, { method: "GET", url: `${base(member)}${path}` });
  async function created(member: TestMember, path: string, payload: object) {
    const res = await post(member, path, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  /** Runs the queued jobs of one kind once, as a worker would. */
  async function runJobs(kind: string) {
    const jobs = await t.db.selectFrom("jobs").selectAll().where("kind", "=", kind).execute();
    const ctx = {
      db: t.db,
      mailer: createMailer(undefined, "aims@example.com"),
      secrets: t.secrets,
      config: t.config,
      log: console,
      workerId: "test",
      signal: new AbortController().signal,
    } as unknown as JobContext;
    for (const job of jobs) {
      const claimed: ClaimedJob = {
        id: job.id,
        kind: job.kind,
        key: job.key,
        orgId: job.org_id,
        payload: job.payload as Record<string, unknown>,
        attempt: 1,
        maxAttempts: 8,
      };
      await approvalJobHandlers[kind]?.(claimed, ctx);
    }
    return jobs.length;
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestServer({ webhooksAllowPrivate: true });
    owner = await t.addOrg("Agents");
    author = await t.addMember(owner.orgId, "compliance_manager");
    agent = await t.addMember(owner.orgId, "contributor");
    first = await t.addMember(owner.orgId, "contributor");
    second = await t.addMember(owner.orgId, "admin");
    excluded = await t.addMember(owner.orgId, "admin");
    const system = { ourRole: "provider", impactTier: "medium", autonomy: "advisory" };
    agentId = (await created(owner, "/systems", { ...system, name: "Ops agent", capabilities: ["agent_tools"] })).id;
    for (const name of ["lookup_order", "issue_refund"]) {
      const asset = await created(owner, "/assets", { kind: "tool", name });
      await created(owner, `/systems/${agentId}/asset-links`, { assetId: asset.id });
    }
    const policy = await created(author, "/agent-policies", { systemId: agentId, title: "Ops" });
    const source = [
      "tools:",
      "  lookup_order: { rate: { per_minute: 2 } }",
      "  issue_refund: { approval: { role: approver }, budget: { argument: amount, per_day: 100 } }",
    ].join("\n");
    const version = await created(author, `/agent-policies/${policy.id}/versions`, { source });
    expect(version.problems).toEqual([]);
    const approved = await post(owner, `/agent-policies/${policy.id}/versions/${version.id}/approve`, {
      version: version.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it("counts executed calls against the rate limit and approved amounts against the daily budget", async () => {
    const call = { sessionId: "r-1", call: { name: "lookup_order", arguments: {} } };
    expect((await post(agent, `/agents/${agentId}/decisions`, call)).json().outcome).toBe("allow");
    expect((await post(agent, `/agents/${agentId}/decisions`, call)).json().outcome).toBe("allow");
    const third = (await post(agent, `/agents/${agentId}/decisions`, call)).json();
    expect(third).toMatchObject({ outcome: "deny", rule: "tools.lookup_order.rate.per_minute" });

    const refund = (amount: number) =>
      post(agent, `/agents/${agentId}/decisions`, {
        sessionId: "b-1",
        call: { name: "issue_refund", arguments: { amount } },
      });
    const asked = (await refund(80)).json();
    expect(asked.outcome).toBe("approval_required");
    const ok = await post(first, `/agent-approvals/${asked.approval.id}/approve`, { version: 1 });
    expect(ok.json().status).toBe("approved");
    const over = (await refund(30)).json();
    expect(over).toMatchObject({ outcome: "deny", rule: "tools.issue_refund.budget" });
  });

  it("needs two different approvers when the requirement says so, and never one the policy excludes", async () => {
    const queued = await created(agent, `/agents/${agentId}/approvals`, {
      sessionId: "c-1",
      call: { name: "issue_refund", arguments: { amount: 10 } },
      rule: "tools.issue_refund.approval",
      reason: "two people must agree",
      requirement: { role: "admin", count: 2, not_from: [excluded.email] },
    });
    const id = queued.approval.id;
    const byContributor = await post(first, `/agent-approvals/${id}/approve`, { version: 1 });
    expect(byContributor.statusCode).toBe(403);
    expect(byContributor.json().error.message).toMatch(/role Admin/);
    const byExcluded = await post(excluded, `/agent-approvals/${id}/approve`, { version: 1 });
    expect(byExcluded.statusCode).toBe(403);
    expect(byExcluded.json().error.code).toBe("segregation_of_duties");
    const one = await post(second, `/agent-approvals/${id}/approve`, { version: 1, reason: "ok" });
    expect(one.json()).toMatchObject({ status: "pending", approvals: [{ name: "Test admin" }] });
    const twice = await post(second, `/agent-approvals/${id}/approve`, { version: 2 });
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.message).toMatch(/already approved/);
    const detail = (await get(owner, `/agent-approvals/${id}`)).json();
    expect(detail.eligibleApprovers.map((m: { memberId: string }) => m.memberId)).not.toContain(
      one.json().approvals[0].memberId,
    );
    const two = await post(owner, `/agent-approvals/${id}/approve`, { version: 2 });
    expect(two.json()).toMatchObject({ status: "approved" });
    expect(two.json().approvals).toHaveLength(2);
  });

  it("answers a long-poll with pending at its timeout", async () => {
    const queued = await created(agent, `/agents/${agentId}/approvals`, {
      sessionId: "w-1",
      call: { name: "issue_refund", arguments: { amount: 1 } },
      rule: "tools.issue_refund.approval",
      reason: "wait",
      requirement: {},
    });
    const started = Date.now();
    const res = await t.call(agent.token, {
      method: "GET",
      url: `${base(agent)}/agent-approvals/${queued.approval.id}/wait?timeoutSeconds=1`,
    });
    expect(res.json().status).toBe("pending");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const tooLong = await t.call(agent.token, {
      method: "GET",
      url: `${base(agent)}/agent-approvals/${queued.approval.id}/wait?timeoutSeconds=61`,
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it("posts the answer to the callback, signed with the agent's secret shown once", async () => {
    const call = {
      sessionId: "h-1",
      call: { name: "issue_refund", arguments: { amount: 5 } },
      callbackUrl: receiver.url,
    };
    const unsigned = await post(agent, `/agents/${agentId}/decisions`, call);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().error.details.fields[0].field).toBe("body.callbackUrl");
    const rotated = await post(owner, `/agents/${agentId}/webhook-secret`, {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret } = rotated.json();
    expect(secret).toMatch(/^whsec_/);
    const stored = await t.db.selectFrom("agent_webhook_secrets").select("secret_sealed").executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(secret);

    const asked = (await post(agent, `/agents/${agentId}/decisions`, call)).json();
    expect(asked.outcome).toBe("approval_required");
    await post(first, `/agent-approvals/${asked.approval.id}/refuse`, { version: 1, reason: "not this one" });
    expect(await runJobs(APPROVAL_CALLBACK_JOB)).toBeGreaterThan(0);
    const receipt = receiver.receipts.find((r) => r.body.includes(asked.approval.id));
    expect(receipt).toBeDefined();
    if (!receipt) return;
    expect(receipt.signature).toBe(signWebhook(secret, Number(receipt.timestamp), receipt.body));
    expect(JSON.parse(receipt.body)).toMatchObject({
      event: "agent_approval.answered",
      approvalId: asked.approval.id,
      status: "refused",
      answerReason: "not this one",
      sessionId: "h-1",
    });
    expect(receipt.deliveryId).toBe(`${asked.approval.id}:refused`);
  });

  it("expires overdue requests in the minute job, with the decision's final outcome", async () => {
    const queued = await created(agent, `/agents/${agentId}/approvals`, {
      sessionId: "e-1",
      call: { name: "issue_refund", arguments: { amount: 2 } },
      rule: "tools.issue_refund.approval",
      reason: "expiring",
      requirement: { expires: "1s" },
      clientDecisionId: "gw-e-1",
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await approvalJobHandlers[APPROVAL_EXPIRY_JOB]?.({} as ClaimedJob, { db: t.db } as JobContext);
    const row = await t.db
      .selectFrom("agent_approvals")
      .select("status")
      .where("id", "=", queued.approval.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("expired");
    const decision = await t.db
      .selectFrom("agent_decisions")
      .select("final_outcome")
      .where("id", "=", queued.decisionId)
      .executeTakeFirstOrThrow();
    expect(decision.final_outcome).toBe("expired");
    const verify = (await get(owner, `/agents/${agentId}/decisions/verify`)).json();
    expect(verify).toMatchObject({ verified: true, problems: [] });
  });
});
