import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yProblems, startBrowserHarness } from "./harness.js";

/**
 * The path a newcomer walks in a real browser: set up, invite a member who accepts, create an API
 * token and use it, then see each step in an audit trail that verifies. Every page is checked with axe.
 */
describe("newcomer in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  // Every page's axe violations of any impact; the test ends by expecting none.
  const a11y: string[] = [];
  async function expectAccessible(page: Page, what: string) {
    a11y.push(...(await a11yProblems(page, what)));
  }

  it("sets up, invites, issues a token and verifies the trail", async () => {
    const owner = await h.browser.newContext();
    const page = await owner.newPage();
    const cspErrors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });

    await page.goto(`${h.baseUrl}/signin`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(page, "sign-in");

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByRole("heading", { name: "Set up OpenAIMS" }).waitFor();
    await expectAccessible(page, "setup");
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Acme AI");
    await page.getByLabel("Your name").fill("Lee Lead");
    await page.getByLabel("E-mail").fill("lead@acme.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    // Named: the setup page's own heading can still be on screen while Home's code loads.
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    await expectAccessible(page, "home");

    // Invite a member and accept in a separate browser.
    await page.goto(`${h.baseUrl}/o/${orgId}/invitations`);
    await page.getByRole("heading", { name: "Invitations", exact: true }).waitFor();
    await expectAccessible(page, "invitations");
    await page.getByLabel("E-mail").fill("new@acme.test");
    await page.getByRole("button", { name: "Invite" }).click();
    const acceptLink = page.getByLabel("Accept link");
    await acceptLink.waitFor();
    const acceptUrl = new URL(await acceptLink.inputValue());

    const invitee = await h.browser.newContext();
    const invitePage = await invitee.newPage();
    await invitePage.goto(`${h.baseUrl}${acceptUrl.pathname}${acceptUrl.search}`);
    await invitePage.getByLabel("Your name").waitFor();
    await expectAccessible(invitePage, "accept invitation");
    await invitePage.getByLabel("Your name").fill("Nia New");
    await invitePage.getByRole("textbox", { name: "Password", exact: false }).first().fill("another long password");
    await invitePage.getByRole("button", { name: "Accept invitation" }).click();
    await invitePage.waitForURL(/\/o\/[0-9a-f-]{36}/);
    await invitee.close();

    await page.goto(`${h.baseUrl}/o/${orgId}/members`);
    await page.getByRole("heading", { name: "Members", exact: true }).waitFor();
    await page.getByText("new@acme.test").waitFor();
    await expectAccessible(page, "members");

    // Create a token and call the API with it.
    await page.goto(`${h.baseUrl}/o/${orgId}/tokens`);
    await page.getByRole("heading", { name: "API tokens", exact: true }).waitFor();
    await page.getByRole("textbox", { name: /^Name/ }).fill("CI pipeline");
    // 0 days is refused where it was typed, not quietly turned into 1.
    const days = page.getByRole("textbox", { name: /^Expires in days/ });
    await days.fill("0");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect.poll(() => days.getAttribute("aria-invalid")).toBe("true");
    expect(await days.inputValue()).toBe("0");
    expect(await page.getByLabel("Token secret").count()).toBe(0);
    await days.fill("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const secretField = page.getByLabel("Token secret");
    await secretField.waitFor();
    await expectAccessible(page, "token secret");
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^aims_pat_/);
    const me = await fetch(`${h.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe("lead@acme.test");
    await page.keyboard.press("Escape");

    // The audit trail shows every step and verifies.
    await page.goto(`${h.baseUrl}/o/${orgId}/audit-trail`);
    await page.getByRole("heading", { name: "Audit trail", exact: true }).waitFor();
    for (const action of ["organization.created", "invitation.created", "invitation.accepted", "token.created"]) {
      await expect(page.getByText(action).first().isVisible()).resolves.toBe(true);
    }
    await page.getByRole("button", { name: "Verify chain" }).click();
    await page.getByText("Chain intact").waitFor();
    await expectAccessible(page, "audit trail");

    // Keyboard: the first Tab stop is reachable and visibly focused.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? { tag: el.tagName, outline: getComputedStyle(el).outlineStyle } : null;
    });
    expect(focused?.tag).not.toBe("BODY");

    expect(cspErrors).toEqual([]);
    expect(a11y).toEqual([]);
    await owner.close();
  });
});
