import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  a11yProblems,
  callApiFromPage,
  pickOptions,
  reportWhereStopped,
  screenshotIfAsked,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

/**
 * AI objectives and competence in the browser: an objective set from its empty state and its
 * progress recorded by hand; a competence requirement, a training record and an import of more;
 * the AI policy acknowledged by the signed-in member; with axe on every page.
 */
describe("objectives and competence in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sets an objective, records progress, requires and records training, imports it and acknowledges the policy", async () => {
    const context = await h.browser.newContext();
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
    await page.getByLabel("Organisation name").fill("Northwind Health");
    await page.getByLabel("Your name").fill("Grace Lead");
    await page.getByLabel("E-mail").fill("grace@northwind.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const at = (path: string) => `${h.baseUrl}/o/${orgId}/${path}`;
    const base = `/api/v1/orgs/${orgId}`;

    // An objective from the empty state, measured by hand.
    await page.goto(at("objectives"));
    await page.getByRole("heading", { name: "No AI objectives yet" }).waitFor();
    await check("objectives, empty");
    await page.getByRole("link", { name: "Add objective" }).first().click();
    await page.getByRole("heading", { name: "Add objective", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add objective" }).click();
    await page.getByText("Required").first().waitFor();
    await check("objective form with errors");
    await page
      .getByRole("textbox", { name: "Objective", exact: true })
      .fill("Every release reviewer trained in AI risk");
    await page.getByLabel("Why it matters").fill("Reviewers sign off releases of the triage assistant.");
    await page
      .getByRole("textbox", { name: "Measure", exact: true })
      .fill("Share of reviewers with a current completion");
    await page.getByLabel("Unit").fill("%");
    await page.getByLabel("Baseline").fill("40");
    await page.getByRole("textbox", { name: "Target", exact: true }).fill("100");
    await page.getByLabel("Due date").fill("2099-06-30");
    await page.getByRole("button", { name: "Add objective" }).click();
    await page.getByRole("heading", { name: "OBJ-1 Every release reviewer trained in AI risk", level: 1 }).waitFor();
    await page.getByText("No readings yet.", { exact: false }).waitFor();
    await check("objective, no readings");

    await page.getByRole("button", { name: "Record progress" }).click();
    const dialog = page.getByRole("dialog", { name: "Record progress of OBJ-1" });
    await dialog.getByRole("textbox", { name: "Value (%)", exact: true }).fill("70");
    await dialog.getByLabel("Note").fill("Q1 count");
    await check("record progress dialog");
    await dialog.getByRole("button", { name: "Record progress" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "Q1 count" }).waitFor();
    await page.getByRole("figure").waitFor();
    await check("objective with a reading");

    await page.goto(at("objectives"));
    await page
      .getByRole("progressbar", { name: /OBJ-1 progress: 70 % of at least 100 % \(50% of the way\)/ })
      .waitFor();
    await check("objectives list");

    // A member to train, and an approved AI policy to acknowledge.
    const members = await callApiFromPage(page, "GET", `${base}/members`);
    const myMemberId = members.json.items[0].id as string;
    const policy = await callApiFromPage(page, "POST", `${base}/documents`, {
      title: "AI policy",
      kind: "ai_policy",
      body: "# AI policy\n\nWe use AI with care.\n",
    });
    const versionId = policy.json.versions[0].id;
    const submitted = await callApiFromPage(
      page,
      "POST",
      `${base}/documents/${policy.json.id}/versions/${versionId}/submit`,
      {
        version: policy.json.versions[0].version,
      },
    );
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    const approved = await callApiFromPage(
      page,
      "POST",
      `${base}/documents/${policy.json.id}/versions/${versionId}/approve`,
      {
        version: submitted.json.version,
      },
    );
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);

    await page.goto(at("competence"));
    await page.getByRole("heading", { name: "Competence and awareness", level: 1 }).waitFor();
    await page.getByText("No training is required yet.", { exact: false }).waitFor();
    await check("competence, empty");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await page.getByRole("tab", { name: "AI policy acknowledgement" }).click();
    await page.getByText(/You acknowledged DOC-\d+ AI policy, version 1/).waitFor();
    await page.getByText("Everyone has acknowledged the policy in force.").waitFor();
    await check("policy acknowledgement");

    await page.getByRole("tab", { name: "Requirements" }).click();
    await pickOptions(page, "Role", ["Owner"]);
    await page
      .getByRole("textbox", { name: "Competence", exact: true })
      .fill("Knows the organisation's AI risk method");
    await page.getByRole("textbox", { name: "Course that meets it", exact: true }).fill("AI risk essentials");
    await page.getByLabel("Renew every (months)").fill("12");
    await page.getByRole("button", { name: "Add requirement" }).click();
    await page.getByRole("cell", { name: "Every 12 months" }).waitFor();
    await check("requirements");

    await page.getByRole("tab", { name: "Coverage and gaps" }).click();
    await page.getByRole("cell", { name: "Not trained" }).waitFor();
    await check("coverage with a gap");

    await page.getByRole("tab", { name: "Training records" }).click();
    await page.getByRole("button", { name: "Record training" }).click();
    const record = page.getByRole("dialog", { name: "Record training" });
    const member = record.getByRole("combobox", { name: "Member", exact: true });
    await member.focus();
    await member.press("ArrowDown");
    await page.getByRole("option", { name: "Grace Lead", exact: true }).click();
    await record.getByRole("textbox", { name: "Course", exact: true }).fill("AI risk essentials");
    await record
      .getByRole("textbox", { name: "Completed on", exact: true })
      .fill(new Date().toISOString().slice(0, 10));
    await check("record training dialog");
    await record.getByRole("button", { name: "Record training" }).click();
    await record.waitFor({ state: "detached" });
    await page.getByRole("cell", { name: "AI risk essentials", exact: true }).waitFor();
    await check("training records");

    await page.getByRole("link", { name: "Import training records" }).click();
    await page.getByRole("heading", { name: "Import training records", level: 1 }).waitFor();
    await check("import, empty");
    const csv = [
      "member,course,provider,completed,expires,notes",
      `grace@northwind.test,Prompt safety,Academy,2025-02-01,,`,
      `nobody@northwind.test,Prompt safety,Academy,2025-02-01,,`,
    ].join("\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "training.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page
      .getByText("row 3, member: no active member of this organisation has the e-mail nobody@northwind.test")
      .waitFor();
    expect(await page.getByRole("button", { name: "Apply import" }).isDisabled()).toBe(true);
    await check("import with an error");
    const good = csv.split("\n").slice(0, 2).join("\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "training.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByText("Every row is valid.").waitFor();
    await page.getByRole("button", { name: "Apply import" }).click();
    await page.getByText("1 recorded, 0 updated.").waitFor();
    await check("import applied");

    const coverage = await callApiFromPage(page, "GET", `${base}/competence/coverage`);
    expect(coverage.json.byRole).toEqual([
      { role: "owner", members: 1, requirements: 1, fullyCovered: 1, coveragePercent: 100 },
    ]);
    expect(coverage.json.policyAcknowledgement).toMatchObject({ acknowledged: 1, total: 1 });
    expect(myMemberId).toBeTruthy();
    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
