import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../examples/vulnerable-ai-app/start-app.mjs";
import {
  a11yProblems,
  download,
  pickOptions,
  reportWhereStopped,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

const SYSTEM = "Support chatbot";
const DISMISS_REASON = "Intended: the greeting is public and documented.";
/** A scan of the reference app takes a few seconds; this bounds the wait for its result. */
const SCAN_WAIT_MS = 45_000;

/** A finding row's case id and category, read from the row of its "Raise risk" button. */
interface OpenFinding {
  caseId: string;
  category: string;
}

/** The open findings on the scan page whose case id names one row only, in table order. */
async function openFindings(page: Page): Promise<OpenFinding[]> {
  const rows = await page.getByRole("button", { name: /^Raise risk from / }).evaluateAll((buttons) =>
    buttons.map((button) => ({
      caseId: (button.getAttribute("aria-label") ?? "").replace(/^Raise risk from /, ""),
      // The probe cell's last line: "caseId · category", then " · variant" for an encoded one.
      line: button.closest("tr")?.querySelectorAll("td")[1]?.lastElementChild?.textContent ?? "",
    })),
  );
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.caseId, (counts.get(row.caseId) ?? 0) + 1);
  return rows
    .filter((row) => counts.get(row.caseId) === 1 && row.line.startsWith(`${row.caseId} · `))
    .map((row) => ({ caseId: row.caseId, category: row.line.split(" · ")[1] ?? "" }));
}

/** The row of a finding by its case id (shown as "caseId · category"). */
function findingRow(page: Page, caseId: string): Locator {
  return page
    .getByRole("region", { name: "Findings" })
    .getByRole("row")
    .filter({ has: page.getByText(new RegExp(`^${caseId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `)) });
}

/** The value cell beside a row heading of a label/value table. */
function fact(table: Locator, label: string): Locator {
  return table
    .getByRole("row")
    .filter({ has: table.page().getByRole("rowheader", { name: label, exact: true }) })
    .getByRole("cell");
}

/**
 * The path of someone who tests an AI system for security: run a server-side scan against the
 * deliberately vulnerable reference app, act on its findings (risk, dismissal, nonconformity), and
 * see the scan as current evidence for A.6.2.4, in its downloadable report and in the system's trend.
 */
describe("security tests in the browser", () => {
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

  it("scans a system, acts on its findings and shows the scan as evidence", async () => {
    const context = await h.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const cspErrors = await watchCspErrors(page);
    const a11y: string[] = [];
    const check = async (what: string) => a11y.push(...(await a11yProblems(page, what)));
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    reportWhereStopped(page);
    const nav = (label: string) => page.getByRole("navigation").getByRole("link", { name: label, exact: true });

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Fabrikam Support");
    await page.getByLabel("Your name").fill("Sam Security");
    await page.getByLabel("E-mail").fill("sam@fabrikam.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);

    // 1. Register the AI system in the inventory.
    await nav("Inventory").click();
    await page.getByRole("link", { name: "Register AI system" }).click();
    await page.getByRole("heading", { name: "Register AI system" }).waitFor();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(SYSTEM);
    await page.getByRole("textbox", { name: "Purpose" }).fill("Answers customer questions about orders.");
    await pickOptions(page, "Our role", ["Deployer — we operate it for our purposes"]);
    await pickOptions(page, "Lifecycle stage", ["In operation"]);
    await pickOptions(page, "Impact tier", ["Medium"]);
    await pickOptions(page, "Capabilities", ["Uses a large language model"]);
    await pickOptions(page, "Autonomy", ["Human on the loop — a person watches and can stop it"]);
    await page.getByRole("button", { name: "Register system" }).click();
    await page.waitForURL(/\/inventory\/systems\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: SYSTEM, level: 1 }).waitFor();

    // 2. Its "Security tests" tab has no scans yet; start one from there.
    await page.getByRole("tab", { name: "Security tests" }).click();
    const tab = page.getByRole("tabpanel", { name: "Security tests" });
    await tab.getByText("No finished scans yet.").waitFor();
    await tab.getByText("No scans yet.").waitFor();
    await check("system security tab, empty");
    await tab.getByRole("link", { name: "Run a scan" }).click();
    await page.getByRole("heading", { name: "Run a scan" }).waitFor();
    await expect
      .poll(() => page.getByRole("combobox", { name: "AI system", exact: true }).inputValue(), { timeout: 15_000 })
      .toBe(SYSTEM);
    await page
      .getByRole("listitem")
      .filter({ hasText: new URL(app.url).origin })
      .waitFor();
    await page.getByRole("radio", { name: "OpenAI-compatible chat API" }).check({ force: true });
    await page.getByRole("textbox", { name: "Base URL" }).fill(`${app.url}/v1`);
    await page.getByRole("textbox", { name: "Model" }).fill("reference");
    await page.getByRole("textbox", { name: "Cases at once" }).fill("8");
    await check("run a scan");
    await page.getByRole("button", { name: "Start the scan" }).click();

    // 3. The scan page follows the run until it completes.
    await page.waitForURL(/\/security-tests\/scans\/[0-9a-f-]{36}$/);
    const heading = page.getByRole("heading", { name: new RegExp(`^RT-\\d+ · ${SYSTEM}$`), level: 1 });
    await heading.waitFor();
    const scanRef = ((await heading.textContent()) as string).split(" · ")[0] as string;
    await check("scan page, running");
    const about = page.getByRole("table", { name: "About this scan" });
    await fact(about, "Status").getByText("Completed", { exact: true }).waitFor({ timeout: SCAN_WAIT_MS });
    await check("scan page, completed");
    await expect(fact(about, "Origin").textContent()).resolves.toBe("Run by the server");
    const target = (await fact(about, "Target").textContent()) ?? "";
    expect(target).toContain(`${app.url}/v1`);
    expect(target).toContain("(model reference)");
    const vulnerable = /^(\d+) of (\d+) cases/.exec((await fact(about, "Vulnerable").textContent()) ?? "");
    const vulnerableCount = Number(vulnerable?.[1]);
    expect(vulnerableCount).toBeGreaterThan(0);
    const evidenceRef = (await fact(about, "Evidence").getByRole("link").textContent()) as string;
    expect(evidenceRef).toMatch(/^E-\d+$/);

    const perCategory = await page
      .getByRole("region", { name: "Results per category" })
      .getByRole("row")
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => ({
          category: row.querySelector("th")?.textContent ?? "",
          vulnerable: Number(row.querySelectorAll("td")[1]?.textContent),
        })),
      );
    const vulnerableCategories = perCategory.filter((r) => r.category !== "All categories" && r.vulnerable > 0);
    expect(vulnerableCategories.length).toBeGreaterThanOrEqual(3);
    expect(perCategory.find((r) => r.category === "All categories")?.vulnerable).toBe(vulnerableCount);

    // 4. Three findings of different categories: one becomes a risk, one is dismissed, one a nonconformity.
    const picked: OpenFinding[] = [];
    for (const finding of await openFindings(page)) {
      if (!picked.some((p) => p.category === finding.category)) picked.push(finding);
    }
    expect(picked.length).toBeGreaterThanOrEqual(3);
    const [forRisk, forDismissal, forNonconformity] = picked as [OpenFinding, OpenFinding, OpenFinding];

    await page.getByRole("button", { name: `Raise risk from ${forRisk.caseId}`, exact: true }).click();
    const riskLink = findingRow(page, forRisk.caseId).getByRole("link", { name: /^R-\d+$/ });
    await riskLink.waitFor();
    const riskRef = (await riskLink.textContent()) as string;
    await page.getByText(`Risk ${riskRef} was added to the register.`).waitFor();
    await findingRow(page, forRisk.caseId).getByText("Risk raised", { exact: true }).waitFor();

    await page.getByRole("button", { name: `Dismiss ${forDismissal.caseId}`, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Dismiss ${forDismissal.caseId}` });
    await dialog.getByRole("textbox", { name: "Reason for dismissing" }).fill(DISMISS_REASON);
    await check("dismiss dialog");
    await dialog.getByRole("button", { name: "Dismiss finding" }).click();
    await dialog.waitFor({ state: "detached" });
    const dismissedRow = findingRow(page, forDismissal.caseId);
    await dismissedRow.getByText("Dismissed", { exact: true }).waitFor();
    await dismissedRow.getByText(DISMISS_REASON).waitFor();
    await expect(dismissedRow.getByRole("button").count()).resolves.toBe(0);

    await page
      .getByRole("button", { name: `Raise nonconformity from ${forNonconformity.caseId}`, exact: true })
      .click();
    const ncLink = findingRow(page, forNonconformity.caseId).getByRole("link", { name: /^NC-\d+$/ });
    await ncLink.waitFor();
    const ncRef = (await ncLink.textContent()) as string;
    await page.getByText(`Nonconformity ${ncRef} was recorded.`).waitFor();
    await check("scan page, findings acted on");

    // 5. The nonconformity is listed; the risk is in the register and on its own page.
    await ncLink.click();
    await page.getByRole("heading", { name: "Nonconformities", level: 1 }).waitFor();
    const ncRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: ncRef, exact: true }) });
    await ncRow.getByText(SYSTEM, { exact: true }).waitFor();
    await check("nonconformities");

    await nav("Risks").click();
    await page.getByRole("heading", { name: "Risk register" }).waitFor();
    const riskRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: riskRef, exact: true }) });
    await riskRow.getByText(SYSTEM, { exact: true }).waitFor();
    await check("risk register");
    await riskRow.getByRole("link").click();
    await page.getByRole("heading", { name: new RegExp(`^${riskRef} .*\\(.*${scanRef}\\)$`), level: 1 }).waitFor();
    await check("risk raised from a finding");

    // 6. Control A.6.2.4 has the scan as current evidence.
    await nav("Controls & SoA").click();
    await page.getByRole("link", { name: "A.6.2.4", exact: true }).click();
    await page.getByRole("heading", { name: /^A\.6\.2\.4/, level: 1 }).waitFor();
    const record = page.getByRole("region", { name: "Record" });
    await record.getByText("Current", { exact: true }).waitFor();
    await record.getByRole("listitem").filter({ hasText: evidenceRef }).waitFor();
    await check("control A.6.2.4");

    // 7. Back on the scan, the HTML report downloads, and is served only as a sandboxed file.
    await nav("Security tests").click();
    await page.getByRole("heading", { name: "Security tests", level: 1 }).waitFor();
    await check("scan list");
    await page.getByRole("link", { name: scanRef, exact: true }).click();
    await heading.waitFor();
    const reportLink = page.getByRole("link", { name: "Download the HTML report" });
    const report = await download(page, () => reportLink.click());
    expect(report.name).toBe(`${scanRef}-report.html`);
    expect(report.bytes.toString("utf8")).toMatch(/<html/i);
    const response = await context.request.get(
      new URL((await reportLink.getAttribute("href")) as string, h.baseUrl).href,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
    expect(response.headers()["content-security-policy"]).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect((await response.body()).equals(report.bytes)).toBe(true);

    // 8. The system's tab shows the scan in its trend and history.
    await fact(about, "AI system").getByRole("link", { name: SYSTEM }).click();
    await page.getByRole("heading", { name: SYSTEM, level: 1 }).waitFor();
    await page.getByRole("tab", { name: "Security tests" }).click();
    await tab.getByText(`${vulnerableCount} vulnerable in ${scanRef}`).waitFor();
    await tab
      .getByRole("img", { name: new RegExp(`^Vulnerable cases over the last (?:1 )?scans?: ${vulnerableCount}\\.$`) })
      .waitFor();
    await tab.getByRole("link", { name: scanRef, exact: true }).waitFor();
    await check("system security tab, one scan");

    // Reported together, so one run shows every kind of problem.
    expect({ a11y, cspErrors, pageErrors }).toEqual({ a11y: [], cspErrors: [], pageErrors: [] });
    await context.close();
  });
});
