import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AgentApproval, AgentDecision, ReportedDecision } from "@openaims/contracts";
import { compilePolicy } from "@openaims/core";
import { examplePolicyYaml as examplePolicy } from "@openaims/core/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startTestServer, type TestMember, type TestServer } from "../../server/src/testing/test-server.js";
import { aimsServerClient } from "./mcp-gateway/aims-server.js";
import { DecisionReporter } from "./mcp-gateway/decision-reporter.js";
import { gatewayLog } from "./mcp-gateway/gateway-log.js";
import { exampleFolder, receivedCalls, startStdioGateway } from "./testing/mcp-gateway-process.js";

/** The gateway against a running OpenAIMS server: policy from it, approvals through its queue, decisions into its log. */
describe("aims mcp-gateway with an OpenAIMS server", () => {
  let server: TestServer;
  let url: string;
  let owner: TestMember;
  let gatewayMember: TestMember;
  let approver: TestMember;
  let systemId: string;
  let dir: string;
  let policySha256: string;
  let policyVersionId: string;

  beforeAll(async () => {
    server = await startTestServer();
    await server.app.listen({ host: "127.0.0.1", port: 0 });
    url = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    owner = await server.addOrg("Gateway Co");
    gatewayMember = await server.addMember(owner.orgId, "contributor");
    approver = await server.addMember(owner.orgId, "compliance_manager");
    systemId = randomUUID();
    await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy, capabilities)
      values (${systemId}, ${owner.orgId}, 'support-agent', 'Support agent', 'provider', 'operation', 'low', 'advisory', ${JSON.stringify(["agent_tools"])}::jsonb)`.execute(
      server.db,
    );
    // The agent's approved policy (written as the policy editor would leave it after approval).
    const policyId = randomUUID();
    const versionId = randomUUID();
    const document = JSON.stringify(parseYaml(examplePolicy));
    const compiled = compilePolicy(parseYaml(examplePolicy));
    if (!compiled.ok) throw new Error("the example policy does not compile");
    policySha256 = compiled.policy.sha256;
    policyVersionId = versionId;
    await sql`insert into agent_policies (id, org_id, ref, system_id, title) values (${policyId}, ${owner.orgId}, 'AP-1', ${systemId}, 'Support agent')`.execute(
      server.db,
    );
    await sql`insert into agent_policy_versions (id, org_id, policy_id, number, status, source, document, document_sha256, approved_at)
      values (${versionId}, ${owner.orgId}, ${policyId}, 1, 'approved', ${examplePolicy}, ${document}::jsonb, ${policySha256}, now())`.execute(
      server.db,
    );
    await sql`update agent_policies set approved_version_id = ${versionId} where id = ${policyId}`.execute(server.db);
    dir = await mkdtemp(join(tmpdir(), "aims-mcp-gateway-server-"));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const api = async <T>(member: TestMember, method: "GET" | "POST", path: string, body?: unknown): Promise<T> => {
    const response = await server.call(member.token, {
      method,
      url: path,
      ...(body ? { payload: body as object } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${path}: ${response.statusCode} ${response.body}`);
    return response.json() as T;
  };
  const agentPath = () => `/api/v1/orgs/${owner.orgId}/agents/${systemId}`;
  const decisionOf = (result: CallToolResult) =>
    result._meta?.["openaims/decision"] as Record<string, string> | undefined;

  it("finds the organisation and the agent by id or slug, and keeps decisions while the agent cannot be found", async () => {
    const expected = {
      orgPath: `/api/v1/orgs/${owner.orgId}`,
      agentPath: `/api/v1/orgs/${owner.orgId}/agents/${systemId}`,
    };
    const { memberships } = await api<{ memberships: { orgSlug: string }[] }>(owner, "GET", "/api/v1/me");
    const orgSlug = memberships[0]?.orgSlug as string;
    const token = gatewayMember.token;
    for (const [org, system] of [
      [owner.orgId, systemId],
      [undefined, "support-agent"],
      [orgSlug, "support-agent"],
      [undefined, systemId],
    ] as const)
      await expect(aimsServerClient({ url, token, org, system }).paths()).resolves.toEqual(expected);

    const unknownSystem = aimsServerClient({ url, token, org: undefined, system: "no-such-agent" });
    await expect(unknownSystem.paths()).rejects.toMatchObject({
      status: null,
      message:
        "cannot find the agent on the server: no live AI system has the slug 'no-such-agent' in the organisation",
    });
    await expect(aimsServerClient({ url, token, org: "elsewhere", system: "support-agent" }).paths()).rejects.toThrow(
      "the token has no organisation with the slug 'elsewhere'",
    );
    // A report that cannot find its agent is kept in the buffer, not dropped as a refused batch.
    const buffer = join(dir, "unfound-buffer.jsonl");
    const reporter = new DecisionReporter(
      unknownSystem,
      buffer,
      60_000,
      gatewayLog(() => undefined, false),
    );
    reporter.add({
      clientDecisionId: randomUUID(),
      sessionId: "unfound",
      decidedAt: new Date().toISOString(),
      origin: "gateway",
      call: { kind: "tool", name: "lookup_order", arguments: {} },
      outcome: "allow",
      rule: "tools.lookup_order",
      reason: "the policy allows lookup_order",
    });
    await reporter.flush();
    expect((await readFile(buffer, "utf8")).trim().split("\n")).toHaveLength(1);
  });

  it("reads the policy from the server, queues an approval another member gives, and reports every decision", async () => {
    const log = join(dir, "calls.jsonl");
    const config = join(dir, "server.yaml");
    await writeFile(
      config,
      [
        "servers:",
        `  support: { command: node, args: [${JSON.stringify(join(exampleFolder, "support-tools.js"))}] }`,
        "policy:",
        // No org: the token's own; the agent by its slug, as a person would write it.
        `  server: { url: ${JSON.stringify(url)}, token_env: GATEWAY_TOKEN, system: support-agent }`,
        `report: { buffer: ${JSON.stringify(join(dir, "buffer.jsonl"))}, interval_ms: 100 }`,
        "approvals: { via: queue, timeout: 2m }",
        "",
      ].join("\n"),
    );
    const gateway = await startStdioGateway(config, { SUPPORT_TOOLS_LOG: log, GATEWAY_TOKEN: gatewayMember.token });
    try {
      const { tools } = await gateway.client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(["issue_refund", "lookup_order", "send_email"]);
      const denied = (await gateway.client.callTool({
        name: "delete_customer",
        arguments: { customer: "C-17" },
      })) as CallToolResult;
      expect(decisionOf(denied)).toMatchObject({ outcome: "deny", rule: "tools.delete_customer" });

      const refund = gateway.client.callTool({ name: "issue_refund", arguments: { order: "A-1001", amount: 50 } });
      let pending: AgentApproval | undefined;
      for (let tries = 0; !pending && tries < 100; tries++) {
        const page = await api<{ items: AgentApproval[] }>(
          owner,
          "GET",
          `/api/v1/orgs/${owner.orgId}/agent-approvals?status=pending`,
        );
        pending = page.items[0];
        if (!pending) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!pending) throw new Error("no approval was queued");
      expect(pending).toMatchObject({
        call: { name: "issue_refund", arguments: { amount: 50 } },
        rule: "tools.issue_refund.approval",
      });
      expect(await receivedCalls(log)).toEqual([]);
      await api(approver, "POST", `/api/v1/orgs/${owner.orgId}/agent-approvals/${pending.id}/approve`, {
        reason: "within policy",
        version: pending.version,
      });
      const ran = (await refund) as CallToolResult;
      expect(ran.isError).toBeFalsy();
      expect(await receivedCalls(log)).toEqual([{ tool: "issue_refund", arguments: { order: "A-1001", amount: 50 } }]);
      await gateway.client.callTool({ name: "lookup_order", arguments: { order: "A-1001" } });

      let decisions: AgentDecision[] = [];
      for (let tries = 0; decisions.length < 3 && tries < 100; tries++) {
        decisions = (await api<{ items: AgentDecision[] }>(owner, "GET", `${agentPath()}/decisions`)).items;
        if (decisions.length < 3) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const byTool = Object.fromEntries(decisions.map((decision) => [decision.call.name, decision]));
      expect(byTool.delete_customer).toMatchObject({
        origin: "gateway",
        outcome: "deny",
        rule: "tools.delete_customer",
      });
      expect(byTool.lookup_order).toMatchObject({ origin: "gateway", outcome: "allow", rule: "tools.lookup_order" });
      expect(byTool.issue_refund).toMatchObject({ outcome: "approval_required", approval: { status: "approved" } });
      // Reported and queued decisions alike name the approved version, found by the policy's hash.
      for (const decision of decisions) expect(decision).toMatchObject({ policySha256, policyVersionId });
      const verified = await api<{ verified: boolean; checked: number }>(
        owner,
        "GET",
        `${agentPath()}/decisions/verify`,
      );
      expect(verified).toMatchObject({ verified: true });
      expect(verified.checked).toBeGreaterThanOrEqual(3);
    } finally {
      await gateway.close();
    }
  });

  it("keeps decisions in the buffer file while the server is away and sends them later, once", async () => {
    const buffer = join(dir, "away.jsonl");
    const log = gatewayLog(() => undefined, false);
    const decision = (tool: string): ReportedDecision => ({
      clientDecisionId: randomUUID(),
      sessionId: "buffered-session",
      decidedAt: new Date().toISOString(),
      origin: "gateway",
      call: { kind: "tool", name: tool, arguments: {} },
      outcome: "allow",
      rule: `tools.${tool}`,
      reason: `the policy allows ${tool}`,
    });
    const connection = { token: gatewayMember.token, org: owner.orgId, system: systemId };
    const away = new DecisionReporter(
      aimsServerClient({ ...connection, url: "http://127.0.0.1:1" }),
      buffer,
      60_000,
      log,
    );
    away.add(decision("lookup_order"));
    away.add(decision("send_email"));
    await away.flush();
    const buffered = (await readFile(buffer, "utf8")).trim().split("\n");
    expect(buffered.map((line) => JSON.parse(line).call.name)).toEqual(["lookup_order", "send_email"]);

    const back = new DecisionReporter(aimsServerClient({ ...connection, url }), buffer, 60_000, log);
    await back.flush();
    expect(await readFile(buffer, "utf8")).toBe("");
    const sessionDecisions = async () =>
      (await api<{ items: AgentDecision[] }>(owner, "GET", `${agentPath()}/decisions?sessionId=buffered-session`))
        .items;
    expect((await sessionDecisions()).map((row) => row.call.name).sort()).toEqual(["lookup_order", "send_email"]);
    // A re-send (the server was reached but the answer was lost) records nothing twice.
    await writeFile(buffer, buffered.map((line) => `${line}\n`).join(""));
    await back.flush();
    expect(await sessionDecisions()).toHaveLength(2);

    // A decision the server refuses as invalid is dropped on its own; the rest of its batch is recorded.
    back.add({ ...decision("fetch_url"), call: { kind: "tool", name: "not a tool name", arguments: {} } });
    back.add(decision("issue_refund"));
    await back.flush();
    expect((await sessionDecisions()).map((row) => row.call.name).sort()).toEqual([
      "issue_refund",
      "lookup_order",
      "send_email",
    ]);
    expect(await readFile(buffer, "utf8")).toBe("");
  });
});
