import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yProblems, reportWhereStopped, startBrowserHarness, watchCspErrors } from "./harness.js";

/**
 * A new organisation opens readiness: the path to certification says where to start and why, the
 * gaps arrive as a short list of acts, filters narrow it, and a step's link opens the page where
 * the step is done.
 */
describe("readiness as a guided path", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  it("shows the path and the grouped actions, filters them, and follows a step's link", async () => {
    const page = await (await h.browser.newContext()).newPage();
    const cspErrors = await watchCspErrors(page);
    const a11y: string[] = [];
    const check = async (what: string) => a11y.push(...(await a11yProblems(page, what)));
    reportWhereStopped(page);

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Fabrikam Health");
    await page.getByLabel("Your name").fill("Robin Ready");
    await page.getByLabel("E-mail").fill("robin@fabrikam.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

    // The path: twelve steps in order, status in words, the scope first and marked next.
    await page.goto(`${h.baseUrl}/o/${orgId}/readiness`);
    await page.getByRole("heading", { name: "Readiness", level: 1 }).waitFor();
    const path = page.getByRole("region", { name: "Path to certification" });
    await path.getByText("0 of 9 steps done").waitFor();
    const steps = path.locator("ol > li");
    expect(await steps.count()).toBe(12);
    const first = steps.first();
    expect(await first.textContent()).toMatch(
      /Scope and context[\s\S]*Not started[\s\S]*Next[\s\S]*Clauses 4\.1, 4\.2/,
    );
    expect(await path.getByText("Coming module", { exact: true }).count()).toBe(3);
    await first.getByText(/auditor starts here/).waitFor();

    // The actions: each act once, with what it serves and how many gaps it closes.
    const actions = page.getByRole("table", { name: "Actions, the first thing to do first" });
    const method = actions.getByRole("row").filter({ hasText: "Approve a risk method document" });
    await method.waitFor();
    expect(await method.textContent()).toMatch(/Clauses 6\.1\.1, 6\.1\.2, 6\.1\.3[\s\S]*3 gaps[\s\S]*High/);
    const rows = await actions.locator("tbody tr").count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(30);
    // biome-ignore lint/performance/useDomNodeTextContent: the words as laid out, with the gaps between cells
    expect(await page.locator("main").innerText()).not.toMatch(/\b([a-z]+)\s+\1\b/i);
    await check("readiness");

    // Filter to what is done in Documents: the control decisions leave, the risk method stays.
    await page.getByLabel("Where").selectOption({ label: "Documents" });
    await page.getByText(/^\d+ of \d+ actions match\.$/).waitFor();
    await method.waitFor();
    expect(await actions.getByText("Decide whether each control applies, and say why").count()).toBe(0);
    expect(page.url()).toContain("place=documents");
    await page.getByLabel("Severity").selectOption({ label: "Low" });
    await page.getByText(/^0 of \d+ actions match\.$/).waitFor();
    expect(await actions.locator("tbody tr").count()).toBe(0);
    await page.getByLabel("Severity").selectOption({ label: "All severities" });
    await page.getByLabel("Where").selectOption({ label: "Every module" });
    await page.getByLabel("Serves").selectOption({ label: "A.6 AI system life cycle" });
    const lifeCycle = actions.getByRole("row").filter({ hasText: "Decide whether each control applies" });
    await lifeCycle.filter({ hasText: "A.6.1.2" }).waitFor();
    expect(await lifeCycle.textContent()).toMatch(/Controls A\.6\.1\.2, A\.6\.1\.3/);
    expect(await lifeCycle.textContent()).not.toMatch(/A\.2\.2/);
    await method.waitFor({ state: "detached" });
    await check("readiness, filtered");

    // The full path, every step open with one link each.
    await path.getByRole("link", { name: "Every step in full" }).click();
    await page.getByRole("heading", { name: "Path to certification", level: 1 }).waitFor();
    expect(await page.getByRole("link", { name: /^Open .+, for step \d+: / }).count()).toBe(12);
    await page.getByText("The AIMS scope is approved").waitFor();
    await check("full path");

    // Following the first step lands where the scope is written.
    await page.getByRole("link", { name: "Open AIMS scope, for step 1: Scope and context" }).click();
    await page.waitForURL(`${h.baseUrl}/o/${orgId}/documents/scope`);
    await page.getByRole("heading", { level: 1 }).waitFor();

    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
