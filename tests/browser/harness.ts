import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { configFromEnv, type RunningServer, type ServerConfig, startServer } from "@openaims/server";
import ExcelJS from "exceljs";
import { type Browser, chromium, type Page } from "playwright-core";
import { onTestFailed } from "vitest";

const webDir = resolve(import.meta.dirname, "../../packages/web/dist");
const builtCli = resolve(import.meta.dirname, "../../packages/cli/dist/aims.js");

/** Debian's Chromium, headless, with nothing that reaches beyond this machine. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.AIMS_CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The built server on a free port with a fresh data directory, and Debian's Chromium. Scans may be
 * sent to `redteamTargets` (AIMS_REDTEAM_TARGETS).
 */
export async function startBrowserHarness(options: Partial<ServerConfig> = {}) {
  if (!existsSync(join(webDir, "index.html"))) throw new Error("Build the web UI first: npm run build");
  const dataDir = mkdtempSync(join(tmpdir(), "aims-browser-"));
  const server: RunningServer = await startServer(
    configFromEnv(
      {},
      { port: 0, host: "127.0.0.1", dataDir, webDir, logLevel: "warn", databaseUrl: undefined, ...options },
    ),
  );
  const port = new URL(server.url).port;
  const baseUrl = `http://localhost:${port}`;
  const browser = await launchChromium();
  return {
    server,
    browser,
    baseUrl,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The built server started as `npm start` starts it (`aims serve`), on a fresh data directory with
 * no host, database or log settings, and Debian's Chromium. Resolves once the start-up text, which
 * ends with the framed setup code, has been printed.
 */
export async function startServedHarness() {
  if (!existsSync(builtCli) || !existsSync(join(webDir, "index.html"))) throw new Error("Build first: npm run build");
  const dataDir = mkdtempSync(join(tmpdir(), "aims-served-"));
  const { DATABASE_URL: _url, AIMS_SECRET_KEY: _key, AIMS_LOG_LEVEL: _level, AIMS_HOST: _host, ...env } = process.env;
  const child = spawn(process.execPath, [builtCli, "serve", "--port", "0", "--data-dir", dataDir], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const startup = await new Promise<{ text: string; port: number; setupCode: string }>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const end = /\n\+-+\+\n\n/.exec(stdout.slice(stdout.indexOf("|")));
      const port = /running at http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
      const setupCode = /(aims_setup_[\w-]+)/.exec(stdout)?.[1];
      if (end && port && setupCode) resolve({ text: stdout, port: Number(port), setupCode });
    });
    child.on("exit", (code) => reject(new Error(`aims serve exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  const browser = await launchChromium();
  return {
    browser,
    baseUrl: `http://localhost:${startup.port}`,
    port: startup.port,
    setupCode: startup.setupCode,
    startupText: startup.text,
    close: async () => {
      await browser.close();
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns every violation, whatever its impact (minor ones included). */
export async function a11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's strict CSP does not block.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations;
}

/** Waits for opening transitions (axe measures contrast on what is painted), then lists every violation as text. */
export async function a11yProblems(page: Page, what: string): Promise<string[]> {
  // A page that has just been navigated to may still be loading its data: wait for its level-one heading,
  // which every page has, so axe reads the page and not its loading state (a page without one still fails).
  await page
    .getByRole("heading", { level: 1 })
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  // Two frames first, so a transition that a state change has just asked for has started and is awaited.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))),
  );
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
  const violations = await a11yViolations(page);
  return violations.map(
    (v) => `${what}: ${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );
}

/**
 * Collects what breaks the Content Security Policy on this page: console errors, and the issues
 * Chromium reports without a console line (such as a script's caught attempt to evaluate code).
 */
export async function watchCspErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) errors.push(msg.text());
  });
  const devtools = await page.context().newCDPSession(page);
  devtools.on("Audits.issueAdded", ({ issue }) => {
    if (issue.code !== "ContentSecurityPolicyIssue") return;
    const details = issue.details.contentSecurityPolicyIssueDetails;
    errors.push(
      `${details?.violatedDirective} ${details?.contentSecurityPolicyViolationType} at ${details?.sourceCodeLocation?.url ?? details?.blockedURL ?? "?"}`,
    );
  });
  await devtools.send("Audits.enable");
  return errors;
}

/** Opens a Mantine Select or MultiSelect by its label and picks options by their exact text or a pattern. */
export async function pickOptions(page: Page, label: string, options: readonly (string | RegExp)[]): Promise<void> {
  const input = page.getByRole("combobox", { name: label, exact: true });
  // Opened from the keyboard: a click can land on the sticky header or the MultiSelect's pill field.
  await input.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await input.focus();
  if ((await input.getAttribute("aria-expanded")) !== "true") await input.press("ArrowDown");
  for (const option of options) await page.getByRole("option", { name: option, exact: true }).click();
  // A MultiSelect stays open after a pick; close it so it does not cover what comes next.
  if ((await input.getAttribute("aria-expanded")) === "true") await input.press("Escape");
}

/** Clicks what starts a download and returns the saved file's name and bytes. */
export async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [event] = await Promise.all([page.waitForEvent("download"), start()]);
  const path = await event.path();
  return { name: event.suggestedFilename(), bytes: readFileSync(path) };
}

/** The first sheet of an XLSX file as records keyed by the heading row. */
export async function readXlsxRecords(bytes: Buffer): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("The workbook has no sheet");
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    headers[column] = String(cell.value ?? "");
  });
  const records: Record<string, string>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, string> = {};
    headers.forEach((header, column) => {
      if (header) record[header] = String(row.getCell(column).value ?? "");
    });
    records.push(record);
  });
  return records;
}

/** The text of a PDF, all pages joined, as pdf.js extracts it. */
export async function readPdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const require = createRequire(import.meta.url);
  const fonts = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: fonts }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n");
}

/** On a failed test, prints where the page stopped: its address and the accessibility tree of its main part. */
export function reportWhereStopped(page: Page): void {
  onTestFailed(async () => {
    const snapshot = await page
      .locator("main")
      .ariaSnapshot()
      .catch(() => "(no main element)");
    console.log(`Stopped at ${page.url()}\n${snapshot}`);
  });
}

/** Calls the API from the signed-in page, with the session's CSRF token, as the web UI does. */
export async function callApiFromPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the route answers
): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch("/api/v1/auth/session")).json();
      const response = await fetch(path, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, path, body },
  );
}

/** Submits the document version on screen for review and approves it. */
export async function approveWorkingVersion(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: /^Approve version/ });
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await page.getByText(/^Version \d+ was approved\.$/).waitFor();
  await dialog.waitFor({ state: "detached" });
}

let screenshots = 0;

/**
 * With AIMS_SCREENSHOTS=<folder>, saves a full-page screenshot of what the test sees, numbered in
 * the order taken, so a person can walk the pages afterwards; otherwise does nothing.
 */
export async function screenshotIfAsked(page: Page, what: string): Promise<void> {
  const folder = process.env.AIMS_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  screenshots += 1;
  const name = `${String(screenshots).padStart(2, "0")}-${what.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.png`;
  await page.screenshot({ path: join(folder, name), fullPage: true });
}
