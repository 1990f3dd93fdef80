import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  a11yProblems,
  approveWorkingVersion,
  download,
  pickOptions,
  readPdfText,
  readXlsxRecords,
  reportWhereStopped,
  startBrowserHarness,
  watchCspErrors,
} from "./harness.js";

type Harness = Awaited<ReturnType<typeof startBrowserHarness>>;

/** The control the test links to the risk and the evidence; every other control is decided in bulk. */
const LINKED = { ref: "A.6.2.4", title: "AI system verification and validation" };
const NEXT_AFTER_LINKED = "A.6.2.5";
const EXCLUDED = "A.10.4";
const EVIDENCE_TITLE = "Prompt injection test report";
const BULK_JUSTIFICATION = "Needed for the AI systems in the AIMS scope.";

interface SystemInput {
  name: string;
  purpose: string;
  role: string;
  stage: string;
  tier: string;
  data: string[];
  capabilities: string[];
  autonomy: string;
}

/** Registers an AI system through the form and returns its id. */
async function registerSystem(page: Page, baseUrl: string, orgId: string, system: SystemInput): Promise<string> {
  await page.goto(`${baseUrl}/o/${orgId}/inventory/systems/new`);
  await page.getByRole("heading", { name: "Register AI system" }).waitFor();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(system.name);
  await page.getByRole("textbox", { name: "Purpose" }).fill(system.purpose);
  await pickOptions(page, "Our role", [system.role]);
  await pickOptions(page, "Lifecycle stage", [system.stage]);
  await pickOptions(page, "Impact tier", [system.tier]);
  await pickOptions(page, "Data categories", system.data);
  await pickOptions(page, "Capabilities", system.capabilities);
  await pickOptions(page, "Autonomy", [system.autonomy]);
  await page.getByRole("button", { name: "Register system" }).click();
  await page.waitForURL(/\/inventory\/systems\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name: system.name, level: 1 }).waitFor();
  return page.url().split("/").at(-1) as string;
}

/**
 * The path a compliance lead walks, from an empty organisation to an approved Statement of
 * Applicability whose exports reference the risk register and the evidence register both ways.
 */
describe("compliance lead in the browser", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.close());

  it("builds and approves a consistent SoA for two systems, and the exports cross-reference", async () => {
    const context = await h.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const cspErrors = await watchCspErrors(page);
    const a11y: string[] = [];
    const check = async (what: string) => a11y.push(...(await a11yProblems(page, what)));
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    reportWhereStopped(page);

    await page.goto(`${h.baseUrl}/setup`);
    await page.getByLabel("Setup code").fill(h.server.setupCode as string);
    await page.getByLabel("Organisation name").fill("Northwind Analytics");
    await page.getByLabel("Your name").fill("Casey Compliance");
    await page.getByLabel("E-mail").fill("casey@northwind.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const at = (path: string) => `${h.baseUrl}/o/${orgId}/${path}`;

    // 1. Two AI systems: an LLM agent with tools that handles personal data, and a predictive model.
    const agentId = await registerSystem(page, h.baseUrl, orgId, {
      name: "Support agent",
      purpose: "Answers customer questions and books appointments.",
      role: "Deployer — we operate it for our purposes",
      stage: "In operation",
      tier: "Medium",
      data: ["Personal data"],
      capabilities: [
        "Uses a large language model",
        "Calls tools or takes actions (agent)",
        "Reads outside content into prompts (RAG, web, e-mail, files)",
      ],
      autonomy: "Human on the loop — a person watches and can stop it",
    });
    await check("system page");
    await registerSystem(page, h.baseUrl, orgId, {
      name: "Churn predictor",
      purpose: "Predicts which subscriptions are likely to lapse.",
      role: "Provider — we build or supply it",
      stage: "Development",
      tier: "Low",
      data: ["Confidential business data"],
      capabilities: ["Predictive machine learning"],
      autonomy: "Advisory — a person decides",
    });

    // 2. Threat-model the agent: propose, accept three, dismiss one with a reason.
    await page.goto(at(`inventory/systems/${agentId}`));
    await page.getByRole("link", { name: "Threat model" }).click();
    await page.getByRole("heading", { name: "Threat model: Support agent" }).waitFor();
    await page.getByRole("button", { name: "Propose threats" }).click();
    const acceptButtons = page.getByRole("button", { name: /^Accept / });
    await acceptButtons.first().waitFor();
    const titles = (await acceptButtons.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? "")))
      .slice(0, 4)
      .map((label) => label.replace(/^Accept /, ""));
    expect(titles).toHaveLength(4);
    for (const title of titles.slice(0, 3)) {
      await page.getByRole("button", { name: `Accept ${title}`, exact: true }).click();
      await page.getByRole("button", { name: `Accept ${title}`, exact: true }).waitFor({ state: "detached" });
    }
    await page.getByRole("button", { name: `Dismiss ${titles[3]}`, exact: true }).click();
    await page.getByLabel("Reason for dismissing").fill("Out of reach: the vendor's platform handles this for us.");
    await page.getByRole("button", { name: "Dismiss threat" }).click();
    await page.getByText("Out of reach: the vendor's platform handles this for us.").waitFor();
    // The dialog fades out; its title half-faded fails the contrast check.
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await check("threat model");
    const riskLink = page
      .getByRole("row")
      .filter({ hasText: titles[0] })
      .getByRole("link", { name: /^R-\d+$/ });
    const riskRef = (await riskLink.textContent()) as string;
    await riskLink.click();

    // 3. Rate and treat the risk: option, residual rating, a treatment action.
    await page.getByRole("heading", { name: `${riskRef} ${titles[0]}` }).waitFor();
    // The threat it came from is named by its title and links to the library, not shown as an id.
    const threatLink = page.locator('main a[href*="/catalogue/threats/"]');
    await expect.poll(() => threatLink.textContent()).toBe(titles[0]);
    await page.getByRole("link", { name: "Edit risk" }).click();
    await page.getByRole("heading", { name: `Edit ${riskRef}` }).waitFor();
    await pickOptions(page, "Treatment option", ["Modify (reduce with controls)"]);
    await pickOptions(page, "Residual likelihood", [/^1 · /]);
    await pickOptions(page, "Residual impact", [/^2 · /]);
    await check("edit risk");
    await page.getByRole("button", { name: "Save risk" }).click();
    await page.getByRole("heading", { name: `${riskRef} ${titles[0]}` }).waitFor();
    await page.getByRole("textbox", { name: "Action", exact: true }).fill("Filter tool calls through an allow-list");
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("cell", { name: "Filter tool calls through an allow-list" }).waitFor();

    // 4. Link an Annex A control from the risk page.
    const controlsPanel = page.getByRole("region", { name: "Treating controls" });
    await controlsPanel.getByRole("combobox", { name: "Link a control" }).fill(LINKED.ref);
    await page.getByRole("option", { name: `${LINKED.ref} ${LINKED.title}` }).click();
    await controlsPanel.getByRole("button", { name: "Link control" }).click();
    await controlsPanel.getByRole("link", { name: LINKED.ref }).waitFor();
    await check("risk page");

    // 5. Attach evidence: a file, linked to the control and to the risk.
    await page.goto(at("evidence/new"));
    await page.getByRole("heading", { name: "Add evidence" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: "injection-test-report.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Prompt injection suite: 48 cases, 0 failures.\n"),
    });
    await page.getByRole("textbox", { name: "Title" }).fill(EVIDENCE_TITLE);
    await pickOptions(page, "Controls", [`${LINKED.ref} — ${LINKED.title}`]);
    await pickOptions(page, "Risks", [`${riskRef} — ${titles[0]}`]);
    await check("add evidence");
    await page.getByRole("button", { name: "Add evidence" }).click();
    const evidenceHeading = page.getByRole("heading", { name: new RegExp(`^E-\\d+ · ${EVIDENCE_TITLE}$`) });
    await evidenceHeading.waitFor();
    const evidenceRef = ((await evidenceHeading.textContent()) as string).split(" · ")[0] as string;
    await check("evidence page");

    // 6. The AI policy from its template and the AIMS scope naming both systems, each approved.
    await page.goto(at("documents/new"));
    await page.getByRole("button", { name: "New from AI policy template" }).click();
    await page.getByRole("heading", { name: /^DOC-\d+ / }).waitFor();
    await approveWorkingVersion(page);
    await check("AI policy");
    await page.goto(at("documents/scope"));
    await page.getByRole("textbox", { name: "Scope statement" }).fill("The AI systems Northwind runs for customers.");
    await page.getByRole("textbox", { name: "Boundaries and applicability" }).fill("All offices; EU customers.");
    await pickOptions(page, "AI systems in scope", ["Support agent", "Churn predictor"]);
    await page.getByRole("button", { name: "Create scope" }).click();
    await approveWorkingVersion(page);
    await check("AIMS scope");

    // 7. Decide all 38 controls: a refused bulk exclusion, a bulk exclusion, the rest in bulk, one by hand.
    await page.goto(at("controls"));
    await page.getByRole("heading", { name: "Controls", level: 1 }).waitFor();
    await page.getByRole("checkbox", { name: `Select ${LINKED.ref}` }).check();
    await page.getByRole("checkbox", { name: `Select ${EXCLUDED}` }).check();
    await page.getByText("2 controls selected").waitFor();
    await check("controls list");
    await page.getByRole("button", { name: "Mark not applicable…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Justification" }).fill("We provide no AI system to customers.");
    await dialog.getByText(`${LINKED.ref}: ${riskRef}`).waitFor();
    await check("bulk dialog");
    await dialog.getByRole("button", { name: "Mark not applicable" }).click();
    await dialog.getByText(/give an override reason/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("checkbox", { name: `Select ${LINKED.ref}` }).uncheck();
    await page.getByRole("button", { name: "Mark not applicable…" }).click();
    await dialog.getByRole("textbox", { name: "Justification" }).fill("We provide no AI system to customers.");
    await dialog.getByRole("button", { name: "Mark not applicable" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("0 controls selected").waitFor();

    await pickOptions(page, "Applicability", ["Undecided"]);
    // The filtered list has loaded when the excluded control is gone and the others are back.
    await page.getByRole("link", { name: EXCLUDED, exact: true }).waitFor({ state: "detached" });
    await page.getByRole("checkbox", { name: "Select A.2.2" }).waitFor();
    await page.getByRole("checkbox", { name: "Select all shown" }).check();
    await page.getByText("37 controls selected").waitFor();
    await page.getByRole("button", { name: "Mark applicable…" }).click();
    await dialog.getByRole("textbox", { name: "Justification" }).fill(BULK_JUSTIFICATION);
    await dialog.getByRole("button", { name: "Mark applicable" }).click();
    await page.getByText("No controls match these filters.").waitFor();

    await page.goto(at("controls"));
    await page.getByRole("link", { name: LINKED.ref, exact: true }).click();
    await page.getByRole("heading", { name: new RegExp(`^${LINKED.ref.replace(/\./g, "\\.")}`) }).waitFor();
    await page
      .getByRole("textbox", { name: "Justification" })
      .fill("Treats prompt injection risk; tested each release.");
    await pickOptions(page, "Implementation status", ["Implemented"]);
    await page.getByRole("textbox", { name: "How it is implemented" }).fill("Injection suite runs in CI.");
    await page.getByRole("button", { name: "Save control" }).click();
    await page.getByText(`${LINKED.ref} saved.`).waitFor();
    await check("control page");
    // The control leads back to its risk and on to its evidence.
    await page.getByRole("link", { name: riskRef, exact: true }).waitFor();
    await page.getByRole("link", { name: `Evidence for ${LINKED.ref}` }).click();
    await page.getByRole("row").filter({ hasText: evidenceRef }).getByRole("link", { name: EVIDENCE_TITLE }).waitFor();

    // 8. Approve the SoA and download version 1.
    await page.goto(at("controls/soa"));
    await page.getByText("No consistency issues").waitFor();
    await check("SoA");
    await page.getByRole("button", { name: "Approve this version" }).click();
    await page.getByText("Version 1 approved.").waitFor();
    const soaXlsx = await download(page, () => page.getByRole("link", { name: "Download version 1 as XLSX" }).click());
    const soaPdf = await download(page, () => page.getByRole("link", { name: "Download version 1 as PDF" }).click());

    await page.goto(at("readiness"));
    await page.getByRole("heading", { name: "Readiness", level: 1 }).waitFor();
    await check("readiness");
    await page.getByRole("tab", { name: "AI systems" }).click();
    const systemsPanel = page.getByRole("tabpanel", { name: "AI systems" });
    for (const name of ["Support agent", "Churn predictor"]) await systemsPanel.getByText(name).first().waitFor();

    // 9. The risk register and the evidence register.
    await page.goto(at("risks"));
    await page.getByRole("heading", { name: "Risk register" }).waitFor();
    await check("risk register");
    await page.getByRole("button", { name: "Export register" }).click();
    const risksXlsx = await download(page, () => page.getByRole("menuitem", { name: "Excel (XLSX)" }).click());
    await page.goto(at("evidence"));
    await page.getByRole("heading", { name: "Evidence", level: 1 }).waitFor();
    await check("evidence register");
    await page.getByRole("button", { name: "Export register" }).click();
    const evidenceXlsx = await download(page, () => page.getByRole("menuitem", { name: "Excel (XLSX)" }).click());

    // 10. The files reference each other.
    expect(soaXlsx.name).toMatch(/\.xlsx$/);
    const soaRows = await readXlsxRecords(soaXlsx.bytes);
    expect(soaRows).toHaveLength(38);
    expect(soaRows.filter((row) => row.Applicable === "Undecided")).toEqual([]);
    expect(soaRows.find((row) => row.Control === EXCLUDED)).toMatchObject({
      Applicable: "No",
      Justification: "We provide no AI system to customers.",
    });
    expect(soaRows.filter((row) => row.Justification === BULK_JUSTIFICATION)).toHaveLength(36);
    expect(soaRows.find((row) => row.Control === LINKED.ref)).toMatchObject({
      Applicable: "Yes",
      "Effective status": "Implemented",
      "Linked risks": riskRef,
      Evidence: evidenceRef,
    });
    const pdfText = await readPdfText(soaPdf.bytes);
    expect(pdfText).toContain("Statement of Applicability");
    // The PDF reads row by row: the linked control's line runs up to the next control's ref.
    const linkedLine = pdfText.slice(pdfText.indexOf(`${LINKED.ref} `), pdfText.indexOf(`${NEXT_AFTER_LINKED} `));
    // A long title wraps inside its cell, so its words are looked for, not the whole title on one line.
    for (const word of LINKED.title.split(" ")) expect(linkedLine).toContain(word);
    expect(linkedLine).toContain(riskRef);
    expect(linkedLine).toContain(evidenceRef);

    const riskRow = (await readXlsxRecords(risksXlsx.bytes)).find((row) => row.Ref === riskRef);
    expect(riskRow).toMatchObject({ Treatment: expect.stringMatching(/modify/i) });
    expect(riskRow?.Controls).toContain(LINKED.ref);
    expect(riskRow?.Evidence).toContain(evidenceRef);

    const evidenceRow = (await readXlsxRecords(evidenceXlsx.bytes)).find((row) => row.Ref === evidenceRef);
    expect(evidenceRow?.Controls).toContain(LINKED.ref);
    expect(evidenceRow?.Risks).toContain(riskRef);

    expect(a11y).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
