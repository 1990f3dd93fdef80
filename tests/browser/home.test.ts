import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a11yProblems, callApiFromPage, startBrowserHarness } from "./harness.js";

/**
 * After setup the lead lands on Home: the score, what to do next and every section with an empty
 * state that links to where the work is done; once there are systems and risks, the charts and the
 * heat map appear, each readable as a table. Both states are checked with axe.
 */
describe("home dashboard in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  it("lands on Home after setup, shows the score and every section, and has no axe violations", async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Home Test AI");
    await page.getByLabel("Your name").fill("Hana Home");
    await page.getByLabel("E-mail").fill("hana@home.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    await page.getByTestId("readiness-score").waitFor();
    expect(await page.getByTestId("readiness-score").textContent()).toMatch(/^\d{1,3}%$/);
    for (const name of [
      "What to do next",
      "Path to certification",
      "Waiting on you",
      "Readiness for certification",
      "Open risks",
      "AI systems",
      "Evidence expiring in 30 days",
      "Security tests",
    ])
      await page.getByRole("heading", { name, exact: true }).waitFor();
    expect(await page.getByText(/coming soon/i).count()).toBe(0);
    for (const [link, path] of [
      ["Add a risk", "risks/new"],
      ["Add an AI system", "inventory/systems/new"],
      ["Run a scan", "security-tests/run"],
    ]) {
      const href = await page.getByRole("link", { name: link, exact: true }).getAttribute("href");
      expect(href).toBe(`/o/${orgId}/${path}`);
    }
    // The coverage charts load in their own chunk; their numbers are in a table for screen readers.
    await page.locator("figure svg.recharts-surface").first().waitFor();
    expect(await page.getByRole("table").filter({ hasText: "5 Leadership" }).count()).toBe(1);
    const problems = await a11yProblems(page, "empty home");

    const base = `/api/v1/orgs/${orgId}`;
    for (const [name, lifecycleStage, impactTier] of [
      ["Support bot", "operation", "medium"],
      ["Credit scorer", "development", "low"],
    ]) {
      const created = await callApiFromPage(page, "POST", `${base}/systems`, {
        name,
        ourRole: "provider",
        lifecycleStage,
        impactTier,
        autonomy: "human_in_the_loop",
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    for (const [title, l, i] of [
      ["Prompt injection", 5, 5],
      ["Data leak", 5, 5],
      ["Biased answers", 2, 3],
    ] as const) {
      const created = await callApiFromPage(page, "POST", `${base}/risks`, {
        title,
        inherentLikelihood: l,
        inherentImpact: i,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    const heatMap = page.getByRole("table", { name: /Open risks per likelihood/ });
    await heatMap.waitFor();
    const topRight = heatMap
      .getByRole("row", { name: /^5 · Almost certain/ })
      .getByRole("cell")
      .last();
    expect(await topRight.textContent()).toBe("2Critical");
    await page.getByText("3 open risks, 3 placed on your matrix").waitFor();
    const systems = page.getByRole("region", { name: "AI systems" });
    await systems.getByText("2 AI systems in the inventory.").waitFor();
    await systems.getByRole("button", { name: "Show as table" }).first().click();
    const stages = systems.getByRole("table").first();
    expect(await stages.getByRole("row").filter({ hasText: "In operation" }).textContent()).toBe("In operation1");
    problems.push(...(await a11yProblems(page, "home with data, one chart as a table")));

    expect(problems).toEqual([]);
    await context.close();
  });
});
