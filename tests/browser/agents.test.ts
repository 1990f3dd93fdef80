import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../examples/vulnerable-ai-app/start-app.mjs";
import {
  a11yProblems,
  callApiFromPage,
  reportWhereStopped,
  screenshotIfAsked,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

/**
 * Someone who governs an agent: the Agents page lists it with its tools and "no approved policy", the
 * agent's page starts a policy and a draft, the editor names a mistake by its path as it is typed,
 * and the corrected draft is saved and approved, after which the agent is decided by its own policy.
 */
describe("agent policies in the browser", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    app = await startApp({ port: 0 });
    h = await startBrowserHarness({ redteamTargets: [new URL(app.url).origin] });
  });
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  it("writes, checks and approves an agent's action policy", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cspErrors = await watchCspErrors(page);
    const a11y: string[] = [];
    const check = async (what: string) => {
      a11y.push(...(await a11yProblems(page, what)));
      await screenshotIfAsked(page, what);
    };
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    reportWhereStopped(page);

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Northwind Support");
    await page.getByLabel("Your name").fill("Ada Agents");
    await page.getByLabel("E-mail").fill("ada@northwind.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = (page.url().match(/\/o\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;
    const base = `/api/v1/orgs/${orgId}`;
    const system = await callApiFromPage(page, "POST", `${base}/systems`, {
      name: "Support agent",
      ourRole: "provider",
      impactTier: "medium",
      autonomy: "advisory",
      capabilities: ["llm", "agent_tools"],
    });
    expect(system.status, JSON.stringify(system.json)).toBe(201);
    for (const tool of [
      { name: "Order lookup", toolName: "lookup_order", actionClass: "read" },
      { name: "issue_refund", actionClass: "financial" },
    ]) {
      const asset = await callApiFromPage(page, "POST", `${base}/assets`, { kind: "tool", ...tool });
      expect(asset.status, JSON.stringify(asset.json)).toBe(201);
      const link = await callApiFromPage(page, "POST", `${base}/systems/${system.json.id}/asset-links`, {
        assetId: asset.json.id,
      });
      expect(link.status).toBe(201);
    }

    // 1. The Agents page lists the agent, its tools, and that nothing decides it yet.
    await page.getByRole("navigation").getByRole("link", { name: "Agents", exact: true }).click();
    await page.getByRole("heading", { name: "Agents", level: 1 }).waitFor();
    await page.getByRole("cell", { name: "lookup_order, issue_refund" }).waitFor();
    await page.getByText("No approved policy (everything denied)").waitFor();
    await check("agents list");

    // 2. The agent's page shows the tools with their classes, starts a policy and a draft.
    await page.getByRole("link", { name: "Support agent" }).click();
    await page.getByRole("table", { name: "Tools" }).getByText("Financial").waitFor();
    await page.getByRole("button", { name: "Start a policy for this agent" }).click();
    await page.getByRole("button", { name: "New draft" }).click();
    await page.getByRole("heading", { name: /version 1$/, level: 1 }).waitFor();
    await check("policy editor");

    // 3. The editor names a tool the agent does not have, by its path, while it is typed.
    const editor = page.getByLabel("Policy (YAML or JSON)");
    await editor.fill("default: deny\ntools:\n  lookup_order: allow\n  refund_all: allow\n");
    await page.getByRole("alert").getByText("tools.refund_all").waitFor();
    await editor.fill(
      "default: deny\ntools:\n  lookup_order: allow\n  issue_refund: { approval: { role: approver }, arguments: { amount: { maximum: 100 } } }\n",
    );
    await page.getByText("The policy compiles against the agent's tools.").waitFor();
    await page.getByLabel("Change note").fill("Refunds up to 100 with approval");
    await page.getByRole("button", { name: "Save draft" }).click();
    // A scan the server runs of the agent keeps its transcript, so the draft can be replayed against it.
    const scan = await callApiFromPage(page, "POST", `${base}/redteam/scans/run`, {
      system: system.json.id,
      target: { type: "openai", url: `${app.url}/v1`, model: "reference" },
      concurrency: 8,
    });
    expect(scan.status, JSON.stringify(scan.json)).toBe(202);
    await expect
      .poll(async () => (await callApiFromPage(page, "GET", `${base}/redteam/scans/${scan.json.id}`)).json.status, {
        timeout: 45_000,
        interval: 500,
      })
      .toBe("completed");
    await page.getByText("Red-team transcript", { exact: true }).click();
    await page.getByRole("combobox", { name: "A scan run here" }).click();
    await page.getByRole("option", { name: new RegExp(`^${scan.json.ref} · `) }).click();
    await page.getByRole("button", { name: "Replay" }).click();
    await page.getByText(/^\d+ steps replayed, \d+ would change/).waitFor();
    await page.getByRole("table", { name: "Replayed decisions" }).waitFor();
    await check("policy replayed against a scan");

    // 4. Saved, the draft is approved (a one-person organisation approves its own work).
    const approve = page.getByRole("button", { name: "Approve" });
    await expect.poll(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await page.getByRole("heading", { name: /version 1$/, level: 1 }).waitFor();
    await page.getByText("Approved", { exact: true }).first().waitFor();
    const effective = await callApiFromPage(page, "GET", `${base}/agents/${system.json.id}/effective-policy`);
    expect(effective.json).toMatchObject({ source: "agent" });
    expect(effective.json.document.tools.issue_refund.arguments.amount).toEqual({ maximum: 100 });
    await check("policy approved");

    // 5. The agent acts: a lookup is allowed, a refund of 500 denied by its argument rule, and a refund
    // of 50 waits in the approval queue for a person other than the customer it acts for.
    const decide = (name: string, args: Record<string, unknown>) =>
      callApiFromPage(page, "POST", `${base}/agents/${system.json.id}/decisions`, {
        sessionId: "chat-7",
        requester: "customer@example.com",
        call: { kind: "tool", name, arguments: args },
      });
    expect((await decide("lookup_order", { order: "A-1001" })).json).toMatchObject({ outcome: "allow" });
    expect((await decide("issue_refund", { order: "A-1002", amount: 500 })).json).toMatchObject({
      outcome: "deny",
      rule: "tools.issue_refund.arguments.amount",
    });
    const held = await decide("issue_refund", { order: "A-1001", amount: 50 });
    expect(held.json).toMatchObject({ outcome: "approval_required", approval: { status: "pending" } });

    await page.getByRole("navigation").getByRole("link", { name: "Agent approvals", exact: true }).click();
    await page.getByRole("heading", { name: "Agent approvals", level: 1 }).waitFor();
    await page.getByRole("link", { name: held.json.approval.ref }).waitFor();
    await check("agent approvals queue");
    await page.getByRole("link", { name: held.json.approval.ref }).click();
    await page.getByRole("heading", { name: `${held.json.approval.ref}: issue_refund`, level: 1 }).waitFor();
    await page.getByText("tools.issue_refund.approval").first().waitFor();
    await check("agent approval request");
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Comment").fill("Order A-1001 arrived damaged; refund agreed");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText("Order A-1001 arrived damaged; refund agreed").first().waitFor();
    const answered = await callApiFromPage(page, "GET", `${base}/agent-approvals/${held.json.approval.id}`);
    expect(answered.json).toMatchObject({ status: "approved" });

    // 6. The decision log shows every decision, allows included, and verifies against the audit trail.
    await page.goto(`${h.baseUrl}/o/${orgId}/agent-decisions/${system.json.id}`);
    await page.getByRole("heading", { name: "Decision log: Support agent", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Verify the log" }).click();
    await page.getByText("The log verifies").waitFor();
    await check("agent decision log");

    expect(pageErrors).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(a11y).toEqual([]);
    await context.close();
  });
});
