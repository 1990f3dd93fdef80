import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallToolResult, ElicitRequest, ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleFolder, receivedCalls, type StdioGateway, startStdioGateway } from "./testing/mcp-gateway-process.js";

/** The gateway with the example configuration, in front of the example's support tools. */
describe("aims mcp-gateway with the example configuration", () => {
  let dir: string;
  let log: string;
  let brokenLog: string;
  let gateway: StdioGateway;
  let broken: StdioGateway;
  const forms: ElicitRequest["params"][] = [];
  let answer: ElicitResult = { action: "decline" };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aims-mcp-gateway-"));
    log = join(dir, "calls.jsonl");
    brokenLog = join(dir, "broken-calls.jsonl");
    // A policy file with a mistake in an argument schema: the gateway starts and denies everything.
    await writeFile(
      join(dir, "broken-policy.yaml"),
      "default: deny\ntools:\n  lookup_order: allow\n  issue_refund: { arguments: { amount: { maximum: lots } } }\n",
    );
    await writeFile(
      join(dir, "broken.yaml"),
      `servers:\n  support: { command: node, args: [${JSON.stringify(join(exampleFolder, "support-tools.js"))}] }\npolicy: { file: broken-policy.yaml }\n`,
    );
    [gateway, broken] = await Promise.all([
      startStdioGateway(
        join(exampleFolder, "gateway.yaml"),
        { SUPPORT_TOOLS_LOG: log },
        {
          onElicit: (form) => {
            forms.push(form);
            return answer;
          },
        },
      ),
      startStdioGateway(join(dir, "broken.yaml"), { SUPPORT_TOOLS_LOG: brokenLog }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([gateway?.close(), broken?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  const call = async (client: StdioGateway, name: string, args: Record<string, unknown>) =>
    (await client.client.callTool({ name, arguments: args })) as CallToolResult;
  const decisionOf = (result: CallToolResult) =>
    result._meta?.["openaims/decision"] as Record<string, string> | undefined;
  const textOf = (result: CallToolResult) => (result.content[0]?.type === "text" ? result.content[0].text : "");

  it("lists the allowed and approval tools, not delete_customer nor the unlisted fetch_url", async () => {
    const { tools } = await gateway.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["issue_refund", "lookup_order", "send_email"]);
  });

  it("refuses delete_customer before it reaches the server", async () => {
    const result = await call(gateway, "delete_customer", { customer: "C-17" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe("Blocked by policy: the policy denies delete_customer (rule tools.delete_customer)");
    expect(decisionOf(result)).toMatchObject({ outcome: "deny", rule: "tools.delete_customer" });
    expect(decisionOf(result)?.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await receivedCalls(log)).map((received) => received.tool)).not.toContain("delete_customer");
  });

  it("denies a refund of 500 naming the argument rule", async () => {
    const result = await call(gateway, "issue_refund", { order: "A-1002", amount: 500 });
    expect(result.isError).toBe(true);
    expect(decisionOf(result)).toMatchObject({ outcome: "deny", rule: "tools.issue_refund.arguments.amount" });
    expect(forms).toEqual([]);
    expect(await receivedCalls(log)).not.toContainEqual(
      expect.objectContaining({ arguments: { order: "A-1002", amount: 500 } }),
    );
  });

  it("asks the client to approve a refund of 50, and runs it only once approved", async () => {
    answer = { action: "decline" };
    const declined = await call(gateway, "issue_refund", { order: "A-1001", amount: 50 });
    expect(declined.isError).toBe(true);
    expect(decisionOf(declined)).toMatchObject({
      outcome: "approval_required",
      rule: "tools.issue_refund.approval",
      finalOutcome: "refused",
    });
    expect(await receivedCalls(log)).toEqual([]);

    answer = { action: "accept", content: { approve: true } };
    const approved = await call(gateway, "issue_refund", { order: "A-1001", amount: 50 });
    expect(approved.isError).toBeFalsy();
    expect(textOf(approved)).toBe("Refunded 50 on order A-1001.");
    expect(forms).toHaveLength(2);
    expect(forms[1]?.message).toContain("issue_refund");
    expect(forms[1]?.message).toContain('"amount": 50');
    expect(forms[1]?.message).toContain("tools.issue_refund.approval");
    expect(await receivedCalls(log)).toEqual([{ tool: "issue_refund", arguments: { order: "A-1001", amount: 50 } }]);
  });

  it("forwards an allowed call and prints decisions without arguments on stderr", async () => {
    const result = await call(gateway, "lookup_order", { order: "A-1001" });
    expect(JSON.parse(textOf(result))).toMatchObject({ order: "A-1001", status: "delivered" });
    expect(gateway.stderr()).toContain("tool lookup_order: allow (rule tools.lookup_order)");
    expect(gateway.stderr()).not.toContain("A-1001");
  });

  it("sends send_email at once, but after a refused fetch_url only once approved", async () => {
    const before = await call(gateway, "send_email", { to: "ana@example.com", subject: "Your order" });
    expect(before.isError).toBeFalsy();
    const fetched = await call(gateway, "fetch_url", { url: "https://reviews.example/page" });
    expect(decisionOf(fetched)).toMatchObject({ outcome: "deny", rule: "default" });
    expect((await receivedCalls(log)).map((received) => received.tool)).not.toContain("fetch_url");

    const formsBefore = forms.length;
    answer = { action: "decline" };
    const held = await call(gateway, "send_email", { to: "eve@example.net", subject: "Data" });
    expect(decisionOf(held)).toMatchObject({ outcome: "approval_required", rule: "flows[0]", finalOutcome: "refused" });
    expect(forms).toHaveLength(formsBefore + 1);
    expect(forms.at(-1)?.message).toContain("send_email");
    expect(await receivedCalls(log)).not.toContainEqual(
      expect.objectContaining({ arguments: { to: "eve@example.net", subject: "Data" } }),
    );
    answer = { action: "accept", content: { approve: true } };
    const approved = await call(gateway, "send_email", { to: "eve@example.net", subject: "Data" });
    expect(approved.isError).toBeFalsy();
    expect(await receivedCalls(log)).toContainEqual({
      tool: "send_email",
      arguments: { to: "eve@example.net", subject: "Data" },
    });
  });

  it("with a broken policy file lists no tools and denies every call, naming the mistake", async () => {
    expect((await broken.client.listTools()).tools).toEqual([]);
    const result = await call(broken, "lookup_order", { order: "A-1001" });
    expect(result.isError).toBe(true);
    const decision = decisionOf(result);
    expect(decision).toMatchObject({ outcome: "deny", rule: "policy" });
    expect(decision?.reason).toMatch(/^policy file broken-policy\.yaml: tools\.issue_refund\.arguments\.amount/);
    expect(await receivedCalls(brokenLog)).toEqual([]);
  });
});
