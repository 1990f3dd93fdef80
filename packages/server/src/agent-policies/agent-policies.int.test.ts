import { createHash } from "node:crypto";
import { join } from "node:path";
import { examplePolicyYaml as EXAMPLE } from "@openaims/core/testing";
import { FileBlobStore } from "@openaims/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanSummary, typicalCases } from "../redteam/redteam-test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("agent action policies", () => {
  let t: TestServer;
  let owner: TestMember;
  let author: TestMember;
  let other: TestMember;
  let agentId: string;
  let plainSystemId: string;
  let policyId: string;
  const base = (member: TestMember) => `/api/v1/orgs/${member.orgId}`;

  async function post(member: TestMember, path: string, payload: object) {
    return t.call(member.token, { method: "POST", url: `${base(member)}${path}`, payload });
  }
  async function get(member: TestMember, path: string) {
    return t.call(member.token, { method: "GET", url: `${base(member)}${path}` });
  }
  async function created(member: TestMember, path: string, payload: object) {
    const res = await post(member, path, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Agents");
    author = await t.addMember(owner.orgId, "compliance_manager");
    other = await t.addOrg("Elsewhere");
    const system = { ourRole: "provider", impactTier: "medium", autonomy: "advisory" };
    agentId = (
      await created(owner, "/systems", { ...system, name: "Support agent", capabilities: ["llm", "agent_tools"] })
    ).id;
    plainSystemId = (await created(owner, "/systems", { ...system, name: "Chat only", capabilities: ["llm"] })).id;
    const tools = [
      { name: "Order lookup", toolName: "lookup_order", actionClass: "read" },
      { name: "issue_refund", actionClass: "financial" },
      { name: "send_email", actionClass: "external_communication" },
      { name: "delete_customer", actionClass: "write" },
      { name: "fetch_url", actionClass: "read" },
    ];
    for (const tool of tools) {
      const asset = await created(owner, "/assets", { kind: "tool", ...tool });
      await created(owner, `/systems/${agentId}/asset-links`, { assetId: asset.id });
    }
  });
  afterAll(() => t.close());

  it("keeps action classes and call names for tools only, naming the field otherwise", async () => {
    const wrong = await post(owner, "/assets", { name: "A model", kind: "model", actionClass: "financial" });
    expect(wrong.statusCode).toBe(400);
    expect(invalidFieldLines(wrong)).toContain("body.actionClass: only a tool has an action class");
    const agents = await get(owner, "/agents");
    expect(agents.statusCode, agents.body).toBe(200);
    const [agent] = agents.json().items;
    expect(agents.json().items).toHaveLength(1);
    expect(agent.tools.map((tool: { toolName: string }) => tool.toolName).sort()).toEqual(
      ["delete_customer", "fetch_url", "issue_refund", "lookup_order", "send_email"].sort(),
    );
    expect(agent.policy.policyId).toBeNull();
    expect(agent.effectiveSource).toBe("none");
  });

  it("exports and imports action classes and call names as register columns, for tools only", async () => {
    const csv = await get(owner, "/assets/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Action class");
    expect(csv.body).toMatch(/Order lookup,tool,.*read,lookup_order/);
    const upload = (text: string) =>
      t.call(owner.token, {
        method: "POST",
        url: `${base(owner)}/assets/import?format=csv&dryRun=true`,
        headers: { "content-type": "text/csv" },
        payload: Buffer.from(text, "utf8"),
      });
    const good = (await upload("name,kind,action_class,tool_name\nWire transfer,tool,financial,wire_money\n")).json();
    expect(good).toMatchObject({ valid: true, summary: { create: 1 } });
    const bad = (await upload("name,kind,action_class\nA prompt,prompt,financial\nMailer,tool,telepathy\n")).json();
    const messages = bad.errors.map((error: { message: string }) => error.message);
    expect(messages).toContain("row 2, action_class: only a tool has an action class");
    expect(messages.some((message: string) => message.startsWith("row 3, action_class: must be one of read"))).toBe(
      true,
    );
  });

  it("denies everything while no policy is approved, and answers 404 for another organisation or a non-agent", async () => {
    const effective = await get(owner, `/agents/${agentId}/effective-policy`);
    expect(effective.statusCode, effective.body).toBe(200);
    expect(effective.json()).toMatchObject({
      versionId: null,
      source: "none",
      document: { default: "deny", tools: {} },
    });
    expect(effective.json().toolClasses).toMatchObject({ lookup_order: "read", issue_refund: "financial" });
    expect((await get(other, `/agents/${agentId}/effective-policy`)).statusCode).toBe(404);
    expect((await get(other, `/agents/${agentId}`)).statusCode).toBe(404);
    expect((await get(owner, `/agents/${plainSystemId}/effective-policy`)).statusCode).toBe(404);
    const notAgent = await post(owner, "/agent-policies", { systemId: plainSystemId, title: "x" });
    expect(notAgent.statusCode).toBe(400);
    expect(invalidFieldLines(notAgent)).toContain("body.systemId");
  });

  it("saves drafts with their problems, validates live, and refuses a second policy for the agent", async () => {
    const policy = await created(author, "/agent-policies", { systemId: agentId, title: "Support agent tools" });
    policyId = policy.id;
    expect(policy.ref).toMatch(/^AGP-\d+$/);
    expect((await post(owner, "/agent-policies", { systemId: agentId, title: "again" })).statusCode).toBe(409);
    const validate = await post(author, "/agent-policies/validate", {
      source: "tools:\n  refund_all: allow\n  send_email: { arguments: { to: { type: 7 } } }\n",
      systemId: agentId,
    });
    expect(validate.statusCode, validate.body).toBe(200);
    expect(validate.json().ok).toBe(false);
    const paths = validate.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toContain("tools.refund_all");
    expect(paths.some((path: string) => path.startsWith("tools.send_email.arguments.to"))).toBe(true);
    const broken = await created(author, `/agent-policies/${policyId}/versions`, {
      source: "tools: [unclosed",
      changeNote: "first try",
    });
    expect(broken.status).toBe("draft");
    expect(broken.problems[0].path).toBe("source");
    const good = await created(author, `/agent-policies/${policyId}/versions`, { source: EXAMPLE, changeNote: "v2" });
    expect(good.problems).toEqual([]);
    expect(good.number).toBe(2);
    const withdrawn = await post(author, `/agent-policies/${policyId}/versions/${broken.id}/withdraw`, {
      version: broken.version,
    });
    expect(withdrawn.json().status).toBe("withdrawn");
    const edit = await t.call(author.token, {
      method: "PATCH",
      url: `${base(author)}/agent-policies/${policyId}/versions/${broken.id}`,
      payload: { source: EXAMPLE, version: withdrawn.json().version },
    });
    expect(edit.statusCode).toBe(409);
  });

  it("approves under segregation of duties, supersedes the previous version and files evidence", async () => {
    const detail = (await get(owner, `/agent-policies/${policyId}`)).json();
    const draft = detail.versions.find((version: { number: number }) => version.number === 2);
    const own = await post(author, `/agent-policies/${policyId}/versions/${draft.id}/approve`, {
      version: draft.version,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("segregation_of_duties");
    const stale = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/approve`, { version: 99 });
    expect(stale.statusCode).toBe(409);
    const approved = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/approve`, {
      version: draft.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", approvedBy: { name: "Test owner" } });
    const effective = (await get(owner, `/agents/${agentId}/effective-policy`)).json();
    expect(effective).toMatchObject({ versionId: draft.id, source: "agent", sha256: approved.json().documentSha256 });
    expect(effective.document.tools.delete_customer).toBe("deny");

    const next = await created(author, `/agent-policies/${policyId}/versions`, {
      source: EXAMPLE.replace("send_email: allow", "send_email: deny"),
      changeNote: "no e-mail",
    });
    const again = await post(owner, `/agent-policies/${policyId}/versions/${next.id}/approve`, {
      version: next.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    const versions = (await get(owner, `/agent-policies/${policyId}`)).json().versions;
    expect(versions.map((version: { number: number; status: string }) => [version.number, version.status])).toEqual([
      [3, "approved"],
      [2, "superseded"],
      [1, "withdrawn"],
    ]);
    const evidence = await t.db
      .selectFrom("evidence")
      .select("title")
      .where("org_id", "=", owner.orgId)
      .where("title", "like", "Agent action policy%")
      .execute();
    expect(evidence).toHaveLength(2);
    const links = await t.db
      .selectFrom("evidence_links")
      .innerJoin("evidence", "evidence.id", "evidence_links.evidence_id")
      .leftJoin("controls", "controls.id", "evidence_links.target_id")
      .select(["evidence_links.target_type", "controls.ref"])
      .where("evidence.org_id", "=", owner.orgId)
      .where("evidence.title", "like", "Agent action policy%")
      .execute();
    expect(links.filter((link) => link.target_type === "control").map((link) => link.ref)).toContain("A.9.2");
    expect(links.some((link) => link.target_type === "system")).toBe(true);
    const audit = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "like", "agent_policy%")
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["agent_policy_version.approved", "agent_policy_version.superseded"]),
    );
  });

  it("rejects an unknown tool at approval, naming its path", async () => {
    const draft = await created(author, `/agent-policies/${policyId}/versions`, {
      source: `${EXAMPLE}  # extra\n`.replace("delete_customer: deny", "delete_customer: deny\n  refund_all: allow"),
      changeNote: "bulk refunds",
    });
    expect(draft.problems.map((problem: { path: string }) => problem.path)).toContain("tools.refund_all");
    const res = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/approve`, {
      version: draft.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("source: tools.refund_all:");
    expect(invalidFieldLines(res)).toContain("source.tools.refund_all: tools.refund_all:");
  });

  it("diffs two versions by tool and by line", async () => {
    const versions = (await get(owner, `/agent-policies/${policyId}`)).json().versions;
    const v2 = versions.find((version: { number: number }) => version.number === 2);
    const v3 = versions.find((version: { number: number }) => version.number === 3);
    const res = await get(owner, `/agent-policies/${policyId}/diff?from=${v2.id}&to=${v3.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changes).toEqual([
      { area: "tools", key: "send_email", change: "changed", before: "allow", after: "deny" },
    ]);
    const lines = res.json().lines.filter((line: { kind: string }) => line.kind !== "same");
    expect(lines).toEqual([
      { kind: "removed", text: "  send_email: allow" },
      { kind: "added", text: "  send_email: deny" },
    ]);
    const foreign = await get(other, `/agent-policies/${policyId}/diff?from=${v2.id}&to=${v3.id}`);
    expect(foreign.statusCode).toBe(404);
  });

  it("replays a trace against a draft and shows the decisions that change first", async () => {
    const draft = await created(author, `/agent-policies/${policyId}/versions`, {
      source: EXAMPLE.replace("maximum: 100", "maximum: 20"),
      changeNote: "smaller refunds",
    });
    const trace = [
      { session: "s1", name: "lookup_order", arguments: { id: 7 } },
      { session: "s1", name: "issue_refund", arguments: { amount: 50 } },
      { session: "s1", name: "issue_refund", arguments: { amount: 10 } },
      { session: "s2", name: "send_email", arguments: { to: "a@example.com" } },
    ]
      .map((entry) => JSON.stringify(entry))
      .join("\n");
    const res = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/test`, { trace });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.steps).toBe(4);
    // Baseline v3: refunds need approval, e-mail is denied; the draft denies the refund of 50 and allows e-mail.
    expect(result.changed).toBe(2);
    expect(
      result.items
        .slice(0, 2)
        .map((item: { name: string; after: { outcome: string } }) => [item.name, item.after.outcome]),
    ).toEqual([
      ["issue_refund", "deny"],
      ["send_email", "allow"],
    ]);
    expect(result.items[0].after.rule).toBe("tools.issue_refund.arguments.amount");
    expect(result.items[0].before.outcome).toBe("approval_required");
    // A red-team transcript as the scanner writes it: each case is one session, its tool calls the steps.
    const transcriptLine = (caseId: string, toolCalls: unknown[]) =>
      JSON.stringify({
        caseId,
        probeId: caseId.split("/")[0],
        variant: "plain",
        turn: 0,
        startedAt: "2026-12-07T10:00:00.000Z",
        latencyMs: 3,
        attempts: 1,
        ok: true,
        truncated: false,
        request: JSON.stringify({ model: "m", messages: [{ role: "user", content: "Refund my order" }] }),
        response: "{}",
        reply: "",
        toolCalls,
        sha256: "0".repeat(64),
      });
    const transcript = [
      transcriptLine("UA-002/plain", [{ id: "c1", name: "issue_refund", arguments: { amount: 50 } }]),
      transcriptLine("TM-001/plain", [{ id: "c2", name: "lookup_order", arguments: { id: 7 } }]),
    ].join("\n");
    const fromScan = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/test`, {
      redteamTranscript: transcript,
    });
    expect(fromScan.statusCode, fromScan.body).toBe(200);
    const replayed = fromScan.json();
    expect(replayed.steps).toBe(2);
    const refund = replayed.items.find((item: { name: string }) => item.name === "issue_refund");
    expect(refund.after).toMatchObject({ outcome: "deny", rule: "tools.issue_refund.arguments.amount" });
    // A scan by its id: an uploaded scan has only its transcript's hash; one whose transcript the
    // server stored (as its own scan runs do) replays like the pasted file, checked against that hash.
    const transcriptSha256 = createHash("sha256").update(transcript).digest("hex");
    const summary = scanSummary(typicalCases(), {
      artifacts: [{ kind: "transcript", file: "transcript.jsonl", sha256: transcriptSha256 }],
    });
    const scan = await created(owner, "/redteam/scans", { system: agentId, summary });
    const scanTest = (member: TestMember, redteamScanId: string) =>
      post(member, `/agent-policies/${policyId}/versions/${draft.id}/test`, { redteamScanId });
    const uploaded = await scanTest(owner, scan.id);
    expect(uploaded.statusCode).toBe(400);
    expect(invalidFieldLines(uploaded)).toContain(
      `body.redteamScanId: ${scan.ref} was uploaded with its transcript's hash only; paste its transcript.jsonl as redteamTranscript instead`,
    );
    await new FileBlobStore(join(t.config.dataDir, "blobs")).put(Buffer.from(transcript));
    const byId = await scanTest(owner, scan.id);
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().items).toEqual(replayed.items);
    expect((await scanTest(owner, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const notTranscript = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/test`, {
      redteamTranscript: "hello",
    });
    expect(notTranscript.statusCode).toBe(400);
    expect(invalidFieldLines(notTranscript)).toContain("body.redteamTranscript: line 1");
    const bad = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/test`, { trace: "{not json" });
    expect(bad.statusCode).toBe(400);
    expect(invalidFieldLines(bad)).toContain("body.trace: line 1");
    const both = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/test`, {});
    expect(both.statusCode).toBe(400);

    // The agent's decision log, oldest of the last N first: a refund of 30 the draft would now deny.
    const base = Date.now() - 60_000;
    const rows = [
      { name: "lookup_order", args: { id: 1 }, outcome: "allow" },
      { name: "issue_refund", args: { amount: 30 }, outcome: "approval_required" },
      { name: "issue_refund", args: { amount: 5 }, outcome: "approval_required" },
    ];
    await t.db
      .insertInto("agent_decisions")
      .values(
        rows.map((row, index) => ({
          id: crypto.randomUUID(),
          org_id: owner.orgId,
          system_id: agentId,
          origin: "api",
          decided_at: new Date(base + index * 1000),
          action_kind: "tool",
          action_name: row.name,
          arguments: JSON.stringify(row.args),
          arguments_sha256: "0".repeat(64),
          outcome: row.outcome,
          rule: "recorded",
          reason: "recorded",
        })),
      )
      .execute();
    const fromLog = await post(owner, `/agent-policies/${policyId}/versions/${draft.id}/test`, {
      fromDecisionLog: { limit: 2 },
    });
    expect(fromLog.statusCode, fromLog.body).toBe(200);
    expect(fromLog.json().steps).toBe(2);
    expect(
      fromLog
        .json()
        .items.map((item: { arguments: { amount: number }; changed: boolean }) => [
          item.arguments.amount,
          item.changed,
        ]),
    ).toEqual([
      [30, true],
      [5, false],
    ]);
  });
});
