import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeContent } from "../../packages/server/src/impact-assessments/impact-assessment-test-data.js";
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

const builtCli = resolve(import.meta.dirname, "../../packages/cli/dist/aims.js");
const SYSTEM_NAME = "Claims triage assistant";
const SLUG = "claims-triage-assistant";

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `aims` command as a pipeline would, with AIMS_URL and AIMS_TOKEN. */
function aims(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [builtCli, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 99) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The operating loop of the management system, end to end: a material change logged by a pipeline
 * re-arms the release gate; the assessments are reviewed again on screen; the gate passes and its
 * signed attestation verifies offline (and not once a byte changes); a metric pushed above its
 * critical threshold raises one alert, which opens an incident, which raises a nonconformity, whose
 * corrective action is done and checked effective, closing it — every step in the audit trail.
 */
describe("operating the AIMS in the browser and from a pipeline", () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  let work: string;
  beforeAll(async () => {
    h = await startBrowserHarness();
    work = mkdtempSync(join(tmpdir(), "aims-operate-"));
  });
  afterAll(async () => {
    await h?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("runs one cycle from a material change to a closed nonconformity", async () => {
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
    await page.getByLabel("Organisation name").fill("Northwind Claims");
    await page.getByLabel("Your name").fill("Olu Operator");
    await page.getByLabel("E-mail").fill("olu@northwind.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const base = `/api/v1/orgs/${orgId}`;
    const at = (path: string) => `${h.baseUrl}/o/${orgId}/${path}`;

    // The records a gate looks at: a system in validation, a rated risk, an approved impact assessment,
    // and the organisation's checklist for deploying medium-impact systems (no security test asked).
    const system = await callApiFromPage(page, "POST", `${base}/systems`, {
      name: SYSTEM_NAME,
      ourRole: "deployer",
      lifecycleStage: "validation",
      impactTier: "medium",
      autonomy: "human_in_the_loop",
    });
    expect(system.status, JSON.stringify(system.json)).toBe(201);
    const systemId = system.json.id as string;
    const risk = await callApiFromPage(page, "POST", `${base}/risks`, {
      title: "Claims misrouted after a model update",
      systemId,
      inherentLikelihood: 2,
      inherentImpact: 2,
    });
    expect(risk.status, JSON.stringify(risk.json)).toBe(201);
    await approveImpactAssessment(page, base, systemId);
    const checklist = await callApiFromPage(page, "PUT", `${base}/gate-checklists`, {
      stage: "deployment",
      impactTier: "medium",
      checks: [
        { kind: "risk_review_recent", maxAgeDays: 180 },
        { kind: "impact_assessment_current" },
        { kind: "high_risks_accepted", minRating: "high" },
      ],
    });
    expect(checklist.status, JSON.stringify(checklist.json)).toBe(200);
    const token = await callApiFromPage(page, "POST", `${base}/tokens`, {
      name: "Release pipeline",
      scope: "write",
      expiresInDays: 30,
    });
    expect(token.status, JSON.stringify(token.json)).toBe(201);
    const env = { AIMS_URL: h.baseUrl, AIMS_TOKEN: token.json.secret as string };

    // 1. The gate passes before the change.
    const before = await aims(env, "gate", "check", "--system", SLUG, "--stage", "deployed");
    expect(before.code, before.stdout + before.stderr).toBe(0);

    // 2. A pipeline logs a material change; the gate now fails, naming the stale assessments.
    const change = await aims(
      env,
      "change",
      "record",
      "--system",
      SLUG,
      "--kind",
      "model_version",
      "--summary",
      "Routing model v2.3",
      "--material",
    );
    expect(change.code, change.stdout + change.stderr).toBe(0);
    const failing = await aims(env, "gate", "check", "--system", SLUG, "--stage", "deployed");
    expect(failing.code, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toMatch(/impact assessment/i);
    expect(failing.stdout).toMatch(/review/i);
    const failingJson = await aims(env, "gate", "check", "--system", SLUG, "--stage", "deployed", "--json");
    expect(failingJson.code).toBe(1);
    const failed = JSON.parse(failingJson.stdout) as { passed: boolean; checks: { kind: string; passed: boolean }[] };
    expect(failed.passed).toBe(false);
    expect(failed.checks.filter((c) => !c.passed).map((c) => c.kind)).toEqual(
      expect.arrayContaining(["risk_review_recent", "impact_assessment_current"]),
    );

    // 3. The change is on the change log; the gate tab shows what fails.
    await page.goto(at("changes"));
    await page.getByRole("heading", { name: "Changes", level: 1 }).waitFor();
    await page
      .getByRole("row", { name: /Routing model v2\.3 Material/ })
      .getByRole("link", { name: "CHG-1" })
      .click();
    await page.getByRole("heading", { name: /CHG-1/, level: 1 }).waitFor();
    await check("change page");

    // 4. The risk is reviewed again on screen; the impact assessment gets a new approved revision.
    await page.goto(at(`risks/${risk.json.id}`));
    const review = page.getByRole("form", { name: "Mark this risk reviewed" });
    await review.getByRole("textbox", { name: "Review note" }).fill("Checked against the v2.3 routing evaluation.");
    await check("risk awaiting review");
    await review.getByRole("button", { name: "Mark reviewed" }).click();
    await expect
      .poll(async () => (await callApiFromPage(page, "GET", `${base}/risks/${risk.json.id}`)).json.needsReview)
      .toBe(false);
    await approveImpactAssessment(page, base, systemId);

    // 5. The gate passes on screen; its attestation is downloaded and verifies offline.
    await page.goto(at(`inventory/systems/${systemId}`));
    await page.getByRole("tab", { name: "Release gate" }).click();
    const gate = page.getByRole("tabpanel", { name: "Release gate" });
    await gate.getByRole("button", { name: "Pass gate" }).waitFor();
    await check("gate ready to pass");
    await gate.getByRole("button", { name: "Pass gate" }).click();
    const attestation = await download(page, () =>
      gate
        .getByRole("button", { name: /Download attestation/ })
        .first()
        .click(),
    );
    await check("gate passed");
    const attestationFile = join(work, "attestation.json");
    writeFileSync(attestationFile, attestation.bytes);
    const keyFile = join(work, "release-key.pem");
    const key = await aims(env, "gate", "key", "--out", keyFile);
    expect(key.code, key.stdout + key.stderr).toBe(0);
    const verified = await aims({}, "gate", "verify", attestationFile, "--key", keyFile);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const tampered = Buffer.from(readFileSync(attestationFile));
    // One character well inside the signature's base64: every bit of it reaches the decoded bytes
    // (the last characters before the padding carry bits a decoder drops).
    const signatureAt = tampered.indexOf('"sig"');
    const flipAt = tampered.indexOf('"', signatureAt + 5) + 20;
    tampered[flipAt] = tampered[flipAt] === 0x41 ? 0x42 : 0x41;
    writeFileSync(attestationFile, tampered);
    const refused = await aims({}, "gate", "verify", attestationFile, "--key", keyFile);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    const moved = await callApiFromPage(page, "GET", `${base}/systems/${systemId}`);
    expect(moved.json.lifecycleStage).toBe("deployment");

    // 6. A metric with a critical threshold; one push above it raises one alert.
    await page.goto(at("monitoring/metrics/new"));
    const metricForm = page.getByRole("form");
    await pickOptions(page, "AI system", [SYSTEM_NAME]);
    await metricForm.getByRole("textbox", { name: "Name", exact: true }).fill("misroute-rate");
    await metricForm.getByRole("textbox", { name: "Unit" }).fill("%");
    await pickOptions(page, "Better when", ["Better when lower"]);
    await metricForm.getByRole("textbox", { name: "Warning threshold" }).fill("2");
    await metricForm.getByRole("textbox", { name: "Critical threshold" }).fill("5");
    await check("define metric");
    await metricForm.getByRole("button", { name: "Define metric" }).click();
    await page.waitForURL(/\/monitoring\/metrics\/[0-9a-f-]{36}$/);
    const push = await aims(env, "metric", "push", "--system", SLUG, "--metric", "misroute-rate", "--value", "9.5");
    expect(push.code, push.stdout + push.stderr).toBe(0);
    const again = await aims(env, "metric", "push", "--system", SLUG, "--metric", "misroute-rate", "--value", "8");
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const alerts = await callApiFromPage(page, "GET", `${base}/alerts?systemId=${systemId}`);
    expect(alerts.json.items).toHaveLength(1);
    expect(alerts.json.items[0]).toMatchObject({ level: "critical", status: "open" });
    await page.reload();
    await check("metric with an alert");

    // 7. The alert opens an incident; the incident raises a nonconformity.
    await page.goto(at(`monitoring/alerts/${alerts.json.items[0].id}`));
    await check("alert");
    await page.getByRole("button", { name: "Open incident" }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const incidentId = /\/incidents\/([0-9a-f-]{36})$/.exec(page.url())?.[1] as string;
    await page.getByRole("button", { name: "Raise nonconformity" }).click();
    const raise = page.getByRole("dialog");
    await pickOptions(page, "Severity", ["Major"]);
    await check("raise nonconformity from incident");
    await raise.getByRole("button", { name: "Raise nonconformity" }).click();
    await raise.waitFor({ state: "detached" });
    await check("incident with a nonconformity");
    const ncs = await callApiFromPage(page, "GET", `${base}/nonconformities?source=incident&sourceId=${incidentId}`);
    expect(ncs.json.items).toHaveLength(1);
    const ncId = ncs.json.items[0].id as string;

    // 8. A corrective action is done, its effectiveness checked, and the nonconformity closes.
    await page.goto(at(`nonconformities/${ncId}`));
    const actionForm = page.getByRole("form", { name: "New corrective action" });
    await actionForm.getByRole("textbox", { name: "Corrective action" }).fill("Add a routing regression suite");
    await actionForm.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("combobox", { name: "Status of Add a routing regression suite" }).waitFor();
    await check("nonconformity with an action");
    // A done action is final, so its status menu gives way to plain text once picked.
    const status = page.getByRole("combobox", { name: "Status of Add a routing regression suite" });
    await status.focus();
    await status.press("ArrowDown");
    await page.getByRole("option", { name: "Done", exact: true }).click();
    await page.getByRole("row", { name: /^Add a routing regression suite .*Done$/ }).waitFor();
    const checkForm = page.getByRole("form", { name: "Record effectiveness check" });
    await checkForm.waitFor();
    await pickOptions(page, "Result", ["Effective"]);
    await checkForm.getByRole("textbox", { name: "Method" }).fill("Replayed a month of claims; no misroutes.");
    await check("effectiveness check");
    await checkForm.getByRole("button", { name: "Record check" }).click();
    await expect
      .poll(async () => (await callApiFromPage(page, "GET", `${base}/nonconformities/${ncId}`)).json.status)
      .toBe("closed");
    await page.reload();
    await check("closed nonconformity");

    // 9. The module pages a person opens next read well to assistive technology too.
    const pages: [string, string][] = [
      ["gates", "Release gates"],
      ["gates/checklists", "Gate checklists"],
      ["changes/new", "Record a change"],
      ["monitoring", "Monitoring"],
      ["monitoring/alerts", "Alerts"],
      ["incidents", "Incidents"],
      ["incidents/concerns/new", "Report a concern"],
      ["incidents/concerns", "Concerns"],
      ["nonconformities", "Nonconformities"],
      ["nonconformities/improvements", "Improvement log"],
    ];
    for (const [path, heading] of pages) {
      await page.goto(at(path));
      await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
      await check(`${heading} page`);
    }
    const link = await callApiFromPage(page, "POST", `${base}/concern-link`, {});
    expect(link.status, JSON.stringify(link.json)).toBeLessThan(300);
    const anonymous = await context.newPage();
    await anonymous.goto(`${h.baseUrl}${link.json.path}`);
    await anonymous.getByRole("heading", { name: "Report a concern", level: 1 }).waitFor();
    a11y.push(...(await a11yProblems(anonymous, "anonymous concern page")));
    await anonymous.close();

    // 10. Every step is in the audit trail.
    const trail = await callApiFromPage(page, "GET", `${base}/audit-trail?limit=200`);
    expect(trail.status).toBe(200);
    const actions: string[] = trail.json.items.map((entry: { action: string }) => entry.action);
    for (const prefix of ["change.", "risk.reviewed", "gate", "alert", "incident.", "nonconformity", "corrective"])
      expect(
        actions.some((action) => action.startsWith(prefix) || action.includes(prefix)),
        prefix,
      ).toBe(true);

    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

/** Writes, submits and approves a revision of the system's impact assessment (one member: no second approver needed). */
async function approveImpactAssessment(page: Page, base: string, systemId: string): Promise<void> {
  const draft = await callApiFromPage(page, "POST", `${base}/systems/${systemId}/impact-assessments`, {});
  expect(draft.status, JSON.stringify(draft.json)).toBe(201);
  const id = draft.json.id as string;
  const filled = await callApiFromPage(page, "PATCH", `${base}/impact-assessments/${id}`, {
    content: completeContent(),
    version: draft.json.version,
  });
  expect(filled.status, JSON.stringify(filled.json)).toBe(200);
  const submitted = await callApiFromPage(page, "POST", `${base}/impact-assessments/${id}/submit`, {
    version: filled.json.version,
  });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  const approved = await callApiFromPage(page, "POST", `${base}/impact-assessments/${id}/approve`, {
    contentHash: submitted.json.contentHash,
    version: submitted.json.version,
  });
  expect(approved.status, JSON.stringify(approved.json)).toBe(200);
}
