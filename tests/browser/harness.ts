import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { configFromEnv, type RunningServer, startServer } from "@openaims/server";
import { type Browser, chromium, type Page } from "playwright-core";

const webDir = resolve(import.meta.dirname, "../../packages/web/dist");

/** The built server on a free port with a fresh data directory, and Debian's Chromium. */
export async function startBrowserHarness() {
  if (!existsSync(join(webDir, "index.html"))) throw new Error("Build the web UI first: npm run build");
  const dataDir = mkdtempSync(join(tmpdir(), "aims-browser-"));
  const server: RunningServer = await startServer(
    configFromEnv({}, { port: 0, host: "127.0.0.1", dataDir, webDir, logLevel: "warn", databaseUrl: undefined }),
  );
  const port = new URL(server.url).port;
  const baseUrl = `http://localhost:${port}`;
  const browser: Browser = await chromium.launch({
    executablePath: process.env.AIMS_CHROMIUM ?? "/usr/bin/chromium",
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's strict CSP does not block.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
