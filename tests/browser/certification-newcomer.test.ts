import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfLines } from "../../packages/server/src/exports/testing/read-pdf-text.js";
import { inkShare, renderPdfPage } from "../../packages/server/src/exports/testing/render-pdf-page.js";
import { completeContent } from "../../packages/server/src/impact-assessments/impact-assessment-test-data.js";
import {
  a11yProblems,
  approveWorkingVersion,
  callApiFromPage,
  download,
  pickOptions,
  reportWhereStopped,
  screenshotIfAsked,
  startServedHarness,
  watchCspErrors,
} from "./harness.js";

const ORG_NAME = "Acme 人工智能 شركة الذكاء";
const OWNER_NAME = "王芳 Fang Wang";
const SECOND_NAME = "ليلى Layla Haddad";
const SYSTEM_NAME = "客服助手 مساعد";
const JUSTIFICATION = "Needed for every AI system in scope 适用于所有系统 ينطبق على جميع الأنظمة";
/** What a validator says in its own words; a newcomer should never read any of it. */
const VALIDATOR_WORDING = /Invalid input|Invalid option|expected (string|number|boolean|array)|Too (big|small)|body\./;

/** Whether something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * The done-when of the product experience, walked as a newcomer would after `npm install && npm
 * start`: the server listens on this computer only; setup lands on Home, which says where the
 * organisation stands and what to do next; the guided path leads to an approved Statement of
 * Applicability without a validator's message on the way; its PDF draws Chinese and Arabic names
 * and keeps every word whole; and in a two-person organisation nobody approves their own impact
 * assessment. Every page is checked with axe.
 */
describe("a newcomer's first day, from npm start to an approved SoA", () => {
  let h: Awaited<ReturnType<typeof startServedHarness>>;
  beforeAll(async () => {
    h = await startServedHarness();
  });
  afterAll(() => h?.close());

  it("is bound to this computer only", async () => {
    expect(h.startupText).toContain(`address:  127.0.0.1:${h.port}, this computer only`);
    expect(await accepts("127.0.0.1", h.port)).toBe(true);
    const outside = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === "IPv4" && !address.internal);
    // Every address of this machine that others could reach is refused.
    for (const address of outside)
      expect(await accepts(address?.address as string, h.port), address?.address).toBe(false);
    // Linux lists every listening socket with its address: the server's is loopback and nothing else.
    if (existsSync("/proc/net/tcp")) {
      const port = h.port.toString(16).toUpperCase().padStart(4, "0");
      const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
        .filter((file) => existsSync(file))
        .flatMap((file) => readFileSync(file, "utf8").split("\n").slice(1))
        .map((line) => line.trim().split(/\s+/))
        .filter((fields) => fields[3] === "0A" && fields[1]?.endsWith(`:${port}`))
        .map((fields) => fields[1]);
      expect(listening).toEqual([`0100007F:${port}`]);
    }
  });

  it("walks from setup to an approved SoA and a two-person impact assessment approval", async () => {
    const contexts: BrowserContext[] = [];
    const a11y: string[] = [];
    const cspWatches: string[][] = [];
    const pageErrors: string[] = [];
    const validatorText: string[] = [];
    const open = async () => {
      const context = await h.browser.newContext({ acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      cspWatches.push(await watchCspErrors(page));
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    };
    const page = await open();
    // Each page is checked for axe violations and for a validator's own words.
    const check = async (on: Page, what: string) => {
      a11y.push(...(await a11yProblems(on, what)));
      await screenshotIfAsked(on, what);
      const text = (await on.locator("body").textContent()) ?? "";
      if (VALIDATOR_WORDING.test(text)) validatorText.push(`${what}: ${VALIDATOR_WORDING.exec(text)?.[0]}`);
    };
    reportWhereStopped(page);

    // 1. Setup lands on Home: where the organisation stands, and the first step to take.
    await page.goto(h.baseUrl);
    await page.getByRole("link", { name: "Set up OpenAIMS" }).click();
    await page.waitForURL(/\/setup$/);
    await page.getByLabel("Setup code").fill(h.setupCode);
    await page.getByLabel("Organisation name").fill(ORG_NAME);
    await page.getByLabel("Your name").fill(OWNER_NAME);
    await page.getByLabel("E-mail").fill("fang@acme.test");
    await page.getByRole("textbox", { name: "Password", exact: false }).first().fill("a long enough password");
    await page.getByRole("button", { name: "Set up" }).click();
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;
    const at = (path: string) => `${h.baseUrl}/o/${orgId}/${path}`;
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    expect(await page.getByTestId("readiness-score").textContent()).toMatch(/^\d{1,3}%$/);
    const next = page.getByRole("region", { name: "What to do next" });
    await next.getByText("0 of 9 steps done").waitFor();
    await check(page, "home after setup");

    // 2. The first step opens where the scope is written; it is drafted and approved.
    await next.getByRole("link", { name: "Open AIMS scope, for step 1: Scope and context" }).click();
    await page.waitForURL(at("documents/scope"));
    await page.getByRole("textbox", { name: "Scope statement" }).fill(`The AI systems ${ORG_NAME} runs for customers.`);
    await page.getByRole("textbox", { name: "Boundaries and applicability" }).fill("All offices.");
    await check(page, "AIMS scope");
    await page.getByRole("button", { name: "Create scope" }).click();
    // Submitting a scope that names no AI system is refused, and the refusal says what to do.
    await page.getByRole("button", { name: "Submit for review" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Name the AI systems in scope" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Not submitted for review/);
    await check(page, "scope refused");
    const base = `/api/v1/orgs/${orgId}`;
    const system = await callApiFromPage(page, "POST", `${base}/systems`, {
      name: SYSTEM_NAME,
      ourRole: "deployer",
      impactTier: "medium",
      autonomy: "human_in_the_loop",
    });
    expect(system.status, JSON.stringify(system.json)).toBe(201);
    await page.reload();
    await pickOptions(page, "AI systems in scope", [SYSTEM_NAME]);
    await page.getByRole("button", { name: "Save scope draft" }).click();
    await page.getByText("Scope draft saved.").waitFor();
    await approveWorkingVersion(page);

    // 3. Home counts the step done and moves on; the full path leads to the Statement of Applicability.
    await page.goto(at(""));
    await next.getByText("1 of 9 steps done").waitFor();
    await page.getByRole("link", { name: "Every step in full" }).click();
    await page.getByRole("heading", { name: "Path to certification", level: 1 }).waitFor();
    await check(page, "full path");
    await page.getByRole("link", { name: /^Open .+, for step \d+: Controls and Statement of Applicability$/ }).click();
    await page.waitForURL(/\/controls/);

    // 4. Every control decided in one go. Asking without a justification is refused in plain words.
    await page.goto(at("controls"));
    await page.getByRole("heading", { name: "Controls", level: 1 }).waitFor();
    await page.getByRole("checkbox", { name: "Select A.2.2" }).waitFor();
    await page.getByRole("checkbox", { name: "Select all shown" }).check();
    await page.getByText("38 controls selected").waitFor();
    await page.getByRole("button", { name: "Mark applicable…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Mark applicable" }).click();
    const justification = dialog.getByRole("textbox", { name: "Justification" });
    await expect.poll(() => justification.getAttribute("aria-invalid")).toBe("true");
    await check(page, "bulk dialog refused");
    await justification.fill(JUSTIFICATION);
    await dialog.getByRole("button", { name: "Mark applicable" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText("0 controls selected").waitFor();

    // 5. The SoA is consistent, approved, and its PDF is downloaded.
    await page.goto(at("controls/soa"));
    await page.getByText("No consistency issues").waitFor();
    await check(page, "SoA");
    await page.getByRole("button", { name: "Approve this version" }).click();
    await page.getByText("Version 1 approved.").waitFor();
    await check(page, "SoA approved");
    const pdf = await download(page, () => page.getByRole("link", { name: "Download version 1 as PDF" }).click());
    await page.goto(at(""));
    await page.getByRole("heading", { level: 1, name: "Home" }).waitFor();
    await check(page, "home with an approved SoA");

    // 6. The PDF: names in both scripts on the cover, each Chinese character drawn, no word broken.
    expect(pdf.name).toMatch(/\.pdf$/);
    const pages = await readPdfLines(pdf.bytes);
    const cover = pages[0] ?? [];
    expect(cover).toContain(`Organisation ${ORG_NAME}`);
    expect(cover.find((line) => line.startsWith("Approval"))).toContain(`Approved by ${OWNER_NAME}`);
    const text = pages.flat().join("\n");
    expect(text).toContain("适用于所有系统");
    expect(text).toContain("جميع الأنظمة");
    const words = new Set(pages.flat().flatMap((line) => line.split(" ")));
    const controls = await callApiFromPage(page, "GET", `/api/v1/orgs/${orgId}/controls?limit=100`);
    expect(controls.status).toBe(200);
    const titles: string[] = controls.json.items.map((control: { title: string }) => control.title);
    expect(titles).toHaveLength(38);
    for (const word of ["Applicable", "Justification", "Implementation", "status", ...titles.join(" ").split(" ")])
      expect(words, word).toContain(word);
    const rendered = await renderPdfPage(pdf.bytes, 1);
    for (const char of ["人", "智", "ش", "ذ"]) {
      const box = rendered.boxesOf(char)[0];
      expect(box, char).toBeDefined();
      if (box) expect(inkShare(rendered, box), char).toBeGreaterThan(0.02);
    }

    // 7. A second member joins: the organisation now has two people.
    await page.goto(at("invitations"));
    await page.getByLabel("E-mail").fill("layla@acme.test");
    await pickOptions(page, "Role", [/^Compliance manager/]);
    await page.getByRole("button", { name: "Invite" }).click();
    const acceptUrl = new URL(await page.getByLabel("Accept link").inputValue());
    const second = await open();
    await second.goto(`${h.baseUrl}${acceptUrl.pathname}${acceptUrl.search}`);
    await second.getByLabel("Your name").fill(SECOND_NAME);
    await second.getByRole("textbox", { name: "Password", exact: false }).first().fill("another long password");
    await second.getByRole("button", { name: "Accept invitation" }).click();
    await second.waitForURL(/\/o\/[0-9a-f-]{36}/);

    // 8. The owner writes and submits an impact assessment, then cannot approve it, on screen or by API.
    const draft = await callApiFromPage(page, "POST", `${base}/systems/${system.json.id}/impact-assessments`, {});
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

    await page.goto(at(`impact-assessments/${id}`));
    const note = page.getByRole("note").filter({ hasText: "Segregation of duties" });
    await note.waitFor();
    expect(await note.textContent()).toContain(`you submitted ${draft.json.ref}, so another member must approve it`);
    expect(await page.getByRole("button", { name: "Approve", exact: true }).isDisabled()).toBe(true);
    await check(page, "own impact assessment");
    const refused = await callApiFromPage(page, "POST", `${base}/impact-assessments/${id}/approve`, {
      contentHash: submitted.json.contentHash,
      version: submitted.json.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("segregation_of_duties");

    // 9. The other member approves it.
    await second.goto(at(`impact-assessments/${id}`));
    await second.getByRole("button", { name: "Approve", exact: true }).click();
    const approve = second.getByRole("dialog", { name: `Approve ${draft.json.ref}` });
    await approve.getByRole("button", { name: "Approve revision" }).waitFor();
    await check(second, "approve dialog");
    await approve.getByRole("button", { name: "Approve revision" }).click();
    await approve.waitFor({ state: "detached" });
    const approved = await callApiFromPage(second, "GET", `${base}/impact-assessments/${id}`);
    expect(approved.json).toMatchObject({ status: "approved" });
    await check(second, "approved impact assessment");

    expect(validatorText).toEqual([]);
    expect(a11y).toEqual([]);
    expect(cspWatches.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
    for (const context of contexts) await context.close();
  });
});
