import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  a11yProblems,
  callApiFromPage,
  pickOptions,
  reportWhereStopped,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

const SYSTEM = "Claims scorer";
const DATASET = "Claims features";

/** 300 rows: `age` and `region` alike in both files, `amount` shifted by 40 in the current one. */
function claimsCsv(shift: number): string {
  const lines = ["age,amount,region"];
  for (let i = 0; i < 300; i++)
    lines.push(`${20 + ((i * 7) % 50)},${((i * 31) % 100) + shift},${["north", "south", "east"][i % 3]}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Someone who watches a model's data: the empty Drift page says how to make a report, the form refuses
 * nothing chosen by field, then uploads two samples and computes a report on the server, whose page
 * shows the shifted column, the HTML report in a sandboxed frame, and links to its evidence.
 */
describe("drift pages in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness({ jobPollMs: 200 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("computes a drift report on the server from uploaded samples and shows it", async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const cspErrors = await watchCspErrors(page);
    const a11y: string[] = [];
    const check = async (what: string) => a11y.push(...(await a11yProblems(page, what)));
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    reportWhereStopped(page);

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Contoso Claims");
    await page.getByLabel("Your name").fill("Dana Data");
    await page.getByLabel("E-mail").fill("dana@contoso.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = (page.url().match(/\/o\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;
    const base = `/api/v1/orgs/${orgId}`;
    const system = await callApiFromPage(page, "POST", `${base}/systems`, {
      name: SYSTEM,
      ourRole: "provider",
      impactTier: "medium",
      autonomy: "advisory",
    });
    expect(system.status, JSON.stringify(system.json)).toBe(201);
    const asset = await callApiFromPage(page, "POST", `${base}/assets`, { name: DATASET, kind: "dataset" });
    expect(asset.status, JSON.stringify(asset.json)).toBe(201);

    // 1. The empty Drift page explains how to make a report.
    await page.getByRole("navigation").getByRole("link", { name: "Drift", exact: true }).click();
    await page.getByRole("heading", { name: "Drift", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "No drift reports yet" }).waitFor();
    await page.getByText("aims drift upload --system SYSTEM-SLUG --report drift", { exact: false }).waitFor();
    await check("drift page, empty");

    // 2. The form names what is missing, then uploads both samples and starts the report.
    await page.getByRole("link", { name: "Compute a report on the server" }).click();
    await page.getByRole("heading", { name: "Compute a drift report", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Compute the report" }).click();
    await page.getByText("Choose the dataset").waitFor();
    await page.getByText("Upload a reference file or choose a stored reference sample").waitFor();
    // The first field at fault takes the focus, which opens the dataset list; close it to read the page.
    await page.keyboard.press("Escape");
    await check("drift form with errors");
    await pickOptions(page, "Dataset", [DATASET]);
    await pickOptions(page, "AI system", [SYSTEM]);
    const files = page.locator('input[type="file"]');
    await files
      .nth(0)
      .setInputFiles({ name: "claims-2025.csv", mimeType: "text/csv", buffer: Buffer.from(claimsCsv(0)) });
    await files
      .nth(1)
      .setInputFiles({ name: "claims-2026-11.csv", mimeType: "text/csv", buffer: Buffer.from(claimsCsv(40)) });
    await page.getByRole("button", { name: "Compute the report" }).click();

    // 3. The report page follows the job and shows exactly the shifted column as drifted.
    await page.waitForURL(/\/drift\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: /^DR-1 · /, level: 1 }).waitFor();
    await page.getByText("Completed", { exact: true }).waitFor({ timeout: 30_000 });
    const columns = page.getByRole("region", { name: "Columns" });
    const amount = columns.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "amount" }) });
    await amount.getByText("Drifted", { exact: true }).waitFor();
    for (const name of ["age", "region"]) {
      const row = columns.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
      await row.getByText("No drift", { exact: true }).waitFor();
    }
    const frame = page.frameLocator('iframe[title="HTML report of DR-1"]');
    await frame.locator("body").getByText("amount", { exact: false }).first().waitFor();
    await page.getByRole("link", { name: "Drift PSI amount" }).waitFor();
    await check("drift report page");

    // 4. The list shows it, and its evidence record is on the system.
    await page.getByRole("link", { name: "Back to drift reports" }).click();
    await page.getByRole("row", { name: /DR-1/ }).getByText("1 of 3").waitFor();
    await check("drift page with a report");
    await page.getByRole("link", { name: "DR-1" }).click();
    await page.getByRole("link", { name: "E-1" }).click();
    await page
      .getByRole("heading", { name: "E-1 · Drift report DR-1 of Claims scorer: 1 of 3 columns drifted" })
      .waitFor();
    await page.getByRole("row", { name: /Control A\.6\.2\.6/ }).waitFor();
    await page.getByRole("row", { name: /Clause 9\.1/ }).waitFor();

    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
