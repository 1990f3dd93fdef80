import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yProblems, startBrowserHarness } from "./harness.js";

/** Whether the focused element is the given input and lies inside the viewport. */
async function focusedAndInView(page: Page, label: string): Promise<{ focused: boolean; inView: boolean }> {
  const input = page.getByRole("textbox", { name: label, exact: false }).first();
  return input.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return {
      focused: document.activeElement === el,
      inView: box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
}

/**
 * A form refused by the browser's check and by the server: the message sits under the field in plain
 * words, the first field in error is focused and scrolled into view, and the page stays accessible.
 */
describe("form errors in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  it("puts plain messages under the fields and moves to the first one", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1000, height: 480 } });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Forms Org");
    await page.getByLabel("Your name").fill("Fern Forms");
    await page.getByLabel("E-mail").fill("fern@forms.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

    await page.goto(`${h.baseUrl}/o/${orgId}/tokens`);
    await page.getByRole("heading", { name: "New token" }).waitFor();

    // Checked in the browser before sending: a name past the contract's 200 characters.
    await page.getByRole("textbox", { name: "Name", exact: false }).first().fill("n".repeat(260));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("Must be 200 characters or fewer", { exact: true }).waitFor();
    expect(await focusedAndInView(page, "Name")).toEqual({ focused: true, inView: true });

    // Refused by the server: the request is changed on its way to carry a long name and a scope that
    // does not exist, as another client could send them.
    await page.route("**/api/v1/orgs/*/tokens", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const body = JSON.parse(route.request().postData() ?? "{}");
      await route.continue({ postData: JSON.stringify({ ...body, name: "s".repeat(230), scope: "superuser" }) });
    });
    await page.getByRole("textbox", { name: "Name", exact: false }).first().fill("CI release gate");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole("button", { name: "Create token" }).click();
    await page.getByText("Must be one of: Read only, Read and write", { exact: true }).waitFor();
    await page.getByText("Must be 200 characters or fewer", { exact: true }).waitFor();
    const alert = await page.getByRole("alert").filter({ hasText: "Check 2 fields" }).first().textContent();
    expect(alert).toContain(
      "Check 2 fields: Name — must be 200 characters or fewer; Scope — must be one of: Read only, Read and write.",
    );
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/body\.|Too big|expected|Invalid input|Invalid option|superuser/);
    expect(await focusedAndInView(page, "Name")).toEqual({ focused: true, inView: true });

    expect(await a11yProblems(page, "token form with errors")).toEqual([]);
    await context.close();
  });
});
