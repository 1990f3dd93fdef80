import { createHmac, timingSafeEqual } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfPages } from "../../packages/server/src/exports/testing/read-pdf-text.js";
import { startTestMailServer, subjectOf, textBodyOf } from "../../packages/server/src/testing/test-mail-server.js";
import { startWebhookReceiver } from "../../packages/server/src/testing/webhook-receiver.js";
import {
  a11yProblems,
  callApiFromPage,
  download,
  pickOptions,
  reportWhereStopped,
  screenshotIfAsked,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

const SYSTEM_NAME = "Loan pre-screening assistant";

/**
 * Checking and improving, end to end: an internal audit planned from the programme finds a major
 * nonconformity on an Annex A control; the nonconformity is corrected and closes after an effective
 * check; a management review pack compiled afterwards shows it beside the operating cycle's alert and
 * incident, the objectives' progress and the training coverage; the review's decisions are recorded and
 * its pack and minutes download as PDF. Then a corrective action falls overdue and its reminder arrives
 * by e-mail and as a webhook whose signature this test checks with node:crypto alone.
 */
describe("checking and improving the AIMS in the browser", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  let mail: Awaited<ReturnType<typeof startTestMailServer>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    mail = await startTestMailServer();
    receiver = await startWebhookReceiver();
    h = await startBrowserHarness({ smtpUrl: mail.url, webhooksAllowPrivate: true, jobPollMs: 100 });
  });
  afterAll(async () => {
    await h?.close();
    await receiver?.close();
    await mail?.close();
  });

  it("audits, corrects, reviews and reminds", async () => {
    const context = await h.browser.newContext({ acceptDownloads: true });
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
    await page.getByLabel("Organisation name").fill("Fairlend Credit");
    await page.getByLabel("Your name").fill("Ada Auditor");
    await page.getByLabel("E-mail").fill("ada@fairlend.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const base = `/api/v1/orgs/${orgId}`;
    const at = (path: string) => `${h.baseUrl}/o/${orgId}/${path}`;
    const members = await callApiFromPage(page, "GET", `${base}/members`);
    const myMemberId = (members.json.items as { id: string; email: string }[]).find(
      (member) => member.email === "ada@fairlend.test",
    )?.id as string;
    expect(myMemberId).toBeTruthy();

    // 1. The operating cycle's facts: a system whose metric crosses its critical threshold, which
    //    raises an alert and opens an incident; an objective with readings; training for the owner role.
    const operate = await seedOperatingCycle(page, base);
    const objective = await callApiFromPage(page, "POST", `${base}/objectives`, {
      title: "Fewer unexplained declines",
      rationale: "Applicants are owed a reason for every decline.",
      measureKind: "manual",
      measure: "Share of declines without a stated reason",
      unit: "%",
      baseline: 12,
      target: 2,
      direction: "decrease",
      ownerMemberId: myMemberId,
    });
    expect(objective.status, JSON.stringify(objective.json)).toBe(201);
    for (const value of [9, 5]) {
      const reading = await callApiFromPage(page, "POST", `${base}/objectives/${objective.json.id}/progress`, {
        source: "manual",
        value,
        note: "Monthly sample",
      });
      expect(reading.status, JSON.stringify(reading.json)).toBe(201);
    }
    const requirement = await callApiFromPage(page, "POST", `${base}/competence/requirements`, {
      appliesToKind: "role",
      appliesTo: "owner",
      competence: "Understands the organisation's AI risk method",
      course: "AI risk essentials",
      renewalMonths: 12,
    });
    expect(requirement.status, JSON.stringify(requirement.json)).toBe(201);
    const training = await callApiFromPage(page, "POST", `${base}/training-records`, {
      memberId: myMemberId,
      course: "AI risk essentials",
      completedOn: new Date().toISOString().slice(0, 10),
    });
    expect(training.status, JSON.stringify(training.json)).toBe(201);

    // 2. An audit programme, and an audit planned from it over clause 9.2.2 and control A.6.2.4.
    await page.goto(at("audits"));
    await page.getByRole("heading", { name: "Internal audits", level: 1 }).waitFor();
    await check("internal audits, empty");
    await page.getByRole("link", { name: "Plan a programme" }).click();
    const year = new Date().getUTCFullYear();
    await page.getByRole("textbox", { name: "Title" }).fill(`Internal audit programme ${year}`);
    await page.getByLabel("Period start").fill(`${year}-01-01`);
    await page.getByLabel("Period end").fill(`${year}-12-31`);
    await pickOptions(page, "Frequency", ["Quarterly"]);
    await check("plan a programme");
    await page.getByRole("button", { name: "Plan programme" }).click();
    await page.waitForURL(/\/audits\/programmes\/[0-9a-f-]{36}$/);
    await check("programme");
    await page.getByRole("link", { name: "Plan an audit" }).click();
    await page.waitForURL(/\/audits\/new\?programmeId=/);
    await page.getByRole("textbox", { name: "Title" }).fill("Testing and release of AI systems");
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("Planned start").fill(today);
    await page.getByLabel("Planned end").fill(today);
    await pickOptions(page, "Lead auditor", ["Ada Auditor"]);
    await pickOptions(page, "Clauses", [/^9\.2\.2 /]);
    await pickOptions(page, "Annex A controls", [/^A\.6\.2\.4 /]);
    await check("plan an audit");
    await page.getByRole("button", { name: "Plan audit" }).click();
    await page.waitForURL(/\/audits\/[0-9a-f-]{36}$/);
    const auditId = /\/audits\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
    await check("planned audit");

    // 3. The audit starts; clause 9.2.2 conforms and A.6.2.4 is a major nonconformity, raised once.
    await page.getByRole("button", { name: "Start audit" }).click();
    await page.getByRole("button", { name: "Move to reporting" }).waitFor();
    await answerItem(page, /^9\.2\.2 /, "Conforming", "The programme names frequency, methods and reporting.");
    await answerItem(page, /^A\.6\.2\.4 /, "Major nonconformity", "No verification record exists for the release.");
    await check("audit with answers");
    await page.getByRole("button", { name: /^A\.6\.2\.4 / }).click();
    await page.getByRole("button", { name: "Raise nonconformity" }).click();
    const raisedLink = page.getByRole("link", { name: /^nonconformity NC-\d+$/ });
    await raisedLink.waitFor();
    const ncRef = ((await raisedLink.textContent()) ?? "").replace("nonconformity ", "");
    await check("audit item with a nonconformity");
    const audit = await callApiFromPage(page, "GET", `${base}/internal-audits/${auditId}`);
    const majorItem = (
      audit.json.items as { id: string; version: number; requirementId: string; nonconformity: { id: string } | null }[]
    ).find((item) => item.requirementId === "A.6.2.4");
    const ncId = majorItem?.nonconformity?.id as string;
    expect(ncId).toBeTruthy();
    // Raised once: asking again names the nonconformity already raised.
    const again = await callApiFromPage(
      page,
      "POST",
      `${base}/internal-audits/${auditId}/items/${majorItem?.id}/nonconformity`,
      { version: majorItem?.version },
    );
    expect(again.status, JSON.stringify(again.json)).toBe(409);
    expect(JSON.stringify(again.json)).toContain(ncRef);
    await page.getByRole("button", { name: "Move to reporting" }).click();
    await page.getByRole("button", { name: "Close audit" }).click();
    const closeDialog = page.getByRole("dialog");
    await closeDialog
      .getByRole("textbox", { name: "Conclusion" })
      .fill("The programme conforms; releases lack verification records (major).");
    await closeDialog.getByRole("button", { name: "Close audit" }).click();
    await expect
      .poll(async () => (await callApiFromPage(page, "GET", `${base}/internal-audits/${auditId}`)).json.status)
      .toBe("closed");
    await page.reload();
    await check("closed audit");
    const report = await download(page, () => page.getByRole("link", { name: /PDF/ }).first().click());
    expect(report.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const reportText = (await readPdfPages(report.bytes)).join("\n");
    expect(reportText).toContain("A.6.2.4");
    expect(reportText).toContain(ncRef);

    // 4. The nonconformity is corrected and closes after an effective check.
    await page.goto(at(`nonconformities/${ncId}`));
    const actionForm = page.getByRole("form", { name: "New corrective action" });
    await actionForm.getByRole("textbox", { name: "Corrective action" }).fill("Add a release verification record");
    await actionForm.getByRole("button", { name: "Add action" }).click();
    const status = page.getByRole("combobox", { name: "Status of Add a release verification record" });
    await status.waitFor();
    await status.focus();
    await status.press("ArrowDown");
    await page.getByRole("option", { name: "Done", exact: true }).click();
    await page.getByRole("row", { name: /^Add a release verification record .*Done$/ }).waitFor();
    const checkForm = page.getByRole("form", { name: "Record effectiveness check" });
    await checkForm.waitFor();
    await pickOptions(page, "Result", ["Effective"]);
    await checkForm.getByRole("textbox", { name: "Method" }).fill("Sampled three releases; each has a record.");
    await checkForm.getByRole("button", { name: "Record check" }).click();
    await expect
      .poll(async () => (await callApiFromPage(page, "GET", `${base}/nonconformities/${ncId}`)).json.status)
      .toBe("closed");

    // 5. A management review: its pack shows the nonconformity, the alert and incident, the objective's
    //    progress and the training coverage; a decision on every input; pack and minutes as PDF.
    await reviewAndExport(page, { at, base, check, ncRef, operate, objectiveRef: objective.json.ref as string });

    // 6. A webhook for reminders, its secret shown once.
    const secret = await addWebhook(page, at, receiver.url, check);

    // 7. An overdue corrective action: its reminder arrives by e-mail and as a signed webhook.
    const overdue = await callApiFromPage(page, "POST", `${base}/nonconformities`, {
      title: "Model card missing for the pre-screening model",
      severity: "minor",
      source: "manual",
    });
    expect(overdue.status, JSON.stringify(overdue.json)).toBe(201);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const action = await callApiFromPage(page, "POST", `${base}/nonconformities/${overdue.json.id}/actions`, {
      title: "Write the pre-screening model card",
      ownerMemberId: myMemberId,
      dueDate: yesterday,
    });
    expect(action.status, JSON.stringify(action.json)).toBe(201);
    const scan = await callApiFromPage(page, "POST", `${base}/reminders/scan`, {});
    expect(scan.status, JSON.stringify(scan.json)).toBe(200);
    await expect
      .poll(() => mail.received.filter((m) => subjectOf(m.raw).includes("Write the pre-screening model card")).length, {
        timeout: 20_000,
      })
      .toBe(1);
    const reminderMail = mail.received.find((m) => subjectOf(m.raw).includes("Write the pre-screening model card"));
    expect(reminderMail?.to).toContain("ada@fairlend.test");
    expect(textBodyOf(reminderMail?.raw ?? "")).toContain(`/o/${orgId}/`);
    await expect
      .poll(() => receiver.receipts.filter((r) => r.body.includes("Write the pre-screening model card")).length, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(1);
    const receipt = receiver.receipts.find((r) => r.body.includes("Write the pre-screening model card"));
    expect(receipt?.event).toBe("reminder.due");
    // The signature, checked as a receiver would: HMAC-SHA256 over "<timestamp>.<raw body>".
    const expected = createHmac("sha256", secret).update(`${receipt?.timestamp}.${receipt?.body}`).digest();
    const sent = Buffer.from((receipt?.signature ?? "").replace(/^v1=/, ""), "hex");
    expect(sent.length).toBe(expected.length);
    expect(timingSafeEqual(sent, expected)).toBe(true);
    const forged = createHmac("sha256", "not the secret").update(`${receipt?.timestamp}.${receipt?.body}`).digest();
    expect(timingSafeEqual(sent, forged)).toBe(false);
    expect(Math.abs(Date.now() / 1000 - Number(receipt?.timestamp))).toBeLessThan(300);

    // 8. The reminder is in "My work" and the in-app notifications.
    await page.goto(at("my-work"));
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    await page.getByText("Write the pre-screening model card").first().waitFor();
    await check("my work");

    // 9. The other new pages read well to assistive technology too.
    const pages: [string, string][] = [
      ["objectives", "Objectives"],
      [`objectives/${objective.json.id}`, `${objective.json.ref} Fewer unexplained declines`],
      ["competence", "Competence"],
      ["reviews", "Management reviews"],
      ["webhooks", "Webhooks"],
    ];
    for (const [path, heading] of pages) {
      await page.goto(at(path));
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await check(`${heading} page`);
    }

    // 10. Every step is in the audit trail.
    const trail = await callApiFromPage(page, "GET", `${base}/audit-trail?limit=200`);
    const actions = new Set((trail.json.items as { action: string }[]).map((entry) => entry.action));
    for (const prefix of ["audit_programme.", "internal_audit.", "nonconformity", "management_review.", "webhook."])
      expect(
        [...actions].some((name) => name.startsWith(prefix)),
        `${prefix} in ${[...actions].join(", ")}`,
      ).toBe(true);
    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

interface OperatingCycle {
  incidentRef: string;
  alertRef: string;
}

/** A system, a metric with a critical threshold that opens an incident, and one value above it. */
async function seedOperatingCycle(page: Page, base: string): Promise<OperatingCycle> {
  const system = await callApiFromPage(page, "POST", `${base}/systems`, {
    name: SYSTEM_NAME,
    ourRole: "deployer",
    lifecycleStage: "operation",
    impactTier: "high",
    highImpactReasons: ["eligibility", "financial"],
    autonomy: "human_in_the_loop",
  });
  expect(system.status, JSON.stringify(system.json)).toBe(201);
  const metric = await callApiFromPage(page, "POST", `${base}/metrics`, {
    systemId: system.json.id,
    name: "unexplained-decline-rate",
    unit: "%",
    direction: "lower_is_better",
    warning: 3,
    critical: 6,
    cadenceMinutes: null,
    openIncidentOnCritical: true,
  });
  expect(metric.status, JSON.stringify(metric.json)).toBe(201);
  const pushed = await callApiFromPage(page, "POST", `${base}/observations`, {
    system: system.json.id,
    observations: [{ metric: "unexplained-decline-rate", value: 9.5 }],
  });
  expect(pushed.status, JSON.stringify(pushed.json)).toBeLessThan(300);
  const alerts = await callApiFromPage(page, "GET", `${base}/alerts?systemId=${system.json.id}`);
  expect(alerts.json.items).toHaveLength(1);
  const incidents = await callApiFromPage(page, "GET", `${base}/incidents`);
  expect(incidents.json.items.length).toBeGreaterThanOrEqual(1);
  return { alertRef: alerts.json.items[0].ref as string, incidentRef: incidents.json.items[0].ref as string };
}

/** Opens a checklist item, records its result and notes, and closes it again. */
async function answerItem(page: Page, requirement: RegExp, result: string, notes: string): Promise<void> {
  const control = page.getByRole("button", { name: requirement });
  await control.click();
  const form = page.getByRole("form", { name: /^Answer / });
  await form.waitFor();
  await pickOptions(page, "Result", [result]);
  await form.getByRole("textbox", { name: "Notes" }).fill(notes);
  await form.getByRole("button", { name: "Save answer" }).click();
  await control.filter({ hasText: result }).waitFor();
  await control.click();
  await form.waitFor({ state: "detached" });
}

async function reviewAndExport(
  page: Page,
  facts: {
    at: (path: string) => string;
    base: string;
    check: (what: string) => Promise<void>;
    ncRef: string;
    operate: OperatingCycle;
    objectiveRef: string;
  },
): Promise<void> {
  const { at, base, check } = facts;
  await page.goto(at("reviews"));
  await page.getByRole("heading", { name: "Management reviews", level: 1 }).waitFor();
  await check("management reviews, empty");
  await page.getByRole("button", { name: "Schedule a review" }).click();
  const schedule = page.getByRole("form", { name: "Schedule a review" });
  await schedule.getByRole("textbox", { name: "Title" }).fill("Management review, second half");
  await schedule.getByLabel("Scheduled for").fill(new Date().toISOString().slice(0, 10));
  await pickOptions(page, "Chair", ["Ada Auditor"]);
  await schedule.getByRole("textbox", { name: "Attendees" }).fill("Ada Auditor\nChief risk officer");
  await check("schedule a review");
  await schedule.getByRole("button", { name: "Schedule review" }).click();
  await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
  const reviewId = /\/reviews\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
  await page.getByRole("button", { name: "Start the review" }).click();
  await page.getByRole("button", { name: "Compile the pack", exact: true }).click();
  await page.getByRole("button", { name: "Compile the pack again" }).waitFor();
  // The pack shows the audit's nonconformity, the operating cycle's alert and incident, the
  // objective's progress and the training coverage.
  const main = page.getByRole("main");
  for (const text of [facts.ncRef, facts.operate.alertRef, facts.operate.incidentRef, facts.objectiveRef])
    await main.getByText(text, { exact: false }).first().waitFor();
  await main
    .getByText(/AI risk essentials|100\s?%/)
    .first()
    .waitFor();
  await check("review with its pack");
  const frozen = await callApiFromPage(page, "GET", `${base}/management-reviews/${reviewId}`);
  const pack = JSON.stringify(frozen.json.pack);
  for (const text of [facts.ncRef, facts.operate.alertRef, facts.operate.incidentRef, facts.objectiveRef])
    expect(pack).toContain(text);
  // A decision on every input, then the review closes.
  const decisions = page.getByRole("form", { name: /^Decision on / });
  const count = await decisions.count();
  expect(count).toBe(11);
  for (let i = 0; i < count; i++) {
    const form = decisions.nth(i);
    await form.getByRole("textbox").fill(`Reviewed; no change needed (${i + 1}).`);
    await form.getByRole("button", { name: "Record decision" }).click();
    await form.getByRole("button", { name: "Save changes" }).waitFor();
  }
  await page.getByRole("button", { name: "Close the review" }).click();
  await expect
    .poll(async () => (await callApiFromPage(page, "GET", `${base}/management-reviews/${reviewId}`)).json.status)
    .toBe("closed");
  await page.reload();
  await check("closed review");
  const packPdf = await download(page, () => page.getByRole("link", { name: "Download pack PDF" }).click());
  expect(packPdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const packText = (await readPdfPages(packPdf.bytes)).join("\n");
  for (const text of [facts.ncRef, facts.operate.incidentRef, facts.objectiveRef]) expect(packText).toContain(text);
  const minutes = await download(page, () => page.getByRole("link", { name: "Download minutes PDF" }).click());
  expect(minutes.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect((await readPdfPages(minutes.bytes)).join("\n")).toContain("Reviewed; no change needed (1).");
}

/** Adds a webhook for reminders on the settings page and returns its secret, shown once. */
async function addWebhook(
  page: Page,
  at: (path: string) => string,
  url: string,
  check: (what: string) => Promise<void>,
): Promise<string> {
  await page.goto(at("webhooks"));
  await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
  await check("webhooks, empty");
  await page.getByRole("textbox", { name: "URL" }).fill(url);
  await page.getByRole("textbox", { name: "Description" }).fill("Compliance channel");
  const reminders = page.getByRole("checkbox", { name: /reminder\.due/ });
  if (!(await reminders.isChecked())) await reminders.check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Copy the signing secret" });
  await dialog.waitFor();
  await check("webhook secret shown once");
  const secret = await dialog.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.waitFor({ state: "detached" });
  expect(await page.content()).not.toContain(secret);
  await page
    .getByRole("link", { name: /Compliance channel|127\.0\.0\.1/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Send test" }).click();
  await page.getByText("Test delivered").waitFor();
  await check("webhook with a test delivery");
  return secret;
}
