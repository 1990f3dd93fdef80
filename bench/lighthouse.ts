import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@openaims/db";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { startServerProcess } from "./http-load.js";
import { alignColumns } from "./report.js";
import type { AimsCoreSize } from "./seed-aims-core.js";
import { seedHome } from "./seed-home.js";

/** The issue's targets, on Lighthouse's desktop settings: scores out of 100. */
export const lighthouseTargets = { accessibility: 100, bestPractices: 95, performance: 90 };

const categories = ["performance", "accessibility", "best-practices"] as const;

export interface LighthousePage {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The audits that cost points, by id, for whoever has to raise a score. */
  failing: string[];
}

export interface LighthouseResult {
  size: AimsCoreSize;
  chromium: string;
  lighthouse: string;
  pages: LighthousePage[];
}

/** The owner the bench seed creates, with the password it gives them. */
const OWNER = { email: "lead@core-bench.example", password: "bench password 123" };

/** Signs in through the API as the web UI does and returns the session cookie. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(OWNER),
  });
  if (!response.ok) throw new Error(`sign-in for Lighthouse failed: HTTP ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (cookies.length === 0) throw new Error("sign-in for Lighthouse set no cookie");
  return cookies.join("; ");
}

/**
 * Lighthouse (the npm package) on the home, readiness, risk register and SoA pages of a seeded
 * organisation, through Debian's Chromium (AIMS_CHROMIUM, or /usr/bin/chromium) with the desktop
 * preset: simulated throttling, a 1350×940 screen. The organisation is the management-system seed at
 * `size`; the browser is signed in as its owner by a session cookie sent with every request.
 */
export async function benchLighthouse(
  databaseUrl: string | undefined,
  size: AimsCoreSize,
  log: (message: string) => void,
): Promise<LighthouseResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "aims-bench-lighthouse-"));
  try {
    log(`lighthouse: seeding ${size.systems} systems, ${size.risks} risks`);
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let orgId: string;
    try {
      await database.withSession(migrate);
      orgId = (await seedHome(database, size)).orgId;
    } finally {
      await database.close();
    }
    const server = await startServerProcess(dataDir, databaseUrl);
    const chromePath = process.env.AIMS_CHROMIUM || "/usr/bin/chromium";
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
    });
    try {
      const cookie = await signIn(server.url);
      const pages: LighthousePage[] = [];
      let version = "";
      let browserVersion = "";
      for (const [name, path] of [
        ["Home", `/o/${orgId}`],
        ["Readiness", `/o/${orgId}/readiness`],
        ["Risk register", `/o/${orgId}/risks`],
        ["Statement of Applicability", `/o/${orgId}/controls/soa`],
      ] as const) {
        const run = await lighthouse(
          `${server.url}${path}`,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...categories],
            extraHeaders: { Cookie: cookie },
          },
          desktopConfig,
        );
        if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { lhr } = run;
        // AIMS_BENCH_LIGHTHOUSE_REPORTS=<folder> keeps each page's full report, to see where points went.
        const reports = process.env.AIMS_BENCH_LIGHTHOUSE_REPORTS;
        if (reports) {
          await mkdir(reports, { recursive: true });
          await writeFile(
            join(reports, `${name.toLowerCase().replace(/\W+/g, "-")}.json`),
            JSON.stringify(lhr, null, 1),
          );
        }
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
        if (!new URL(lhr.finalDisplayedUrl).pathname.startsWith(path))
          throw new Error(`Lighthouse on ${path} ended at ${lhr.finalDisplayedUrl}: the session was not accepted`);
        version = lhr.lighthouseVersion;
        browserVersion = lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "";
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const failing = categories.flatMap((id) =>
          (lhr.categories[id]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .map((ref) => lhr.audits[ref.id])
            .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
            .map((audit) => `${audit?.id} (${Math.round((audit?.score ?? 0) * 100)})`),
        );
        const page = {
          name,
          path,
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          failing,
        };
        log(
          `lighthouse: ${name}: performance ${page.performance}, accessibility ${page.accessibility}, best practices ${page.bestPractices}${failing.length ? `; below 90: ${failing.join(", ")}` : ""}`,
        );
        pages.push(page);
      }
      return { size, chromium: browserVersion, lighthouse: version, pages };
    } finally {
      chrome.kill();
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The Lighthouse scores as rows: one per page, each score against its target. */
export function formatLighthouseTable(result: LighthouseResult): string {
  const mark = (value: number, target: number) => `${value}${value >= target ? "" : " MISSED"}`;
  const rows = [
    [
      "Lighthouse, desktop",
      `performance (≥ ${lighthouseTargets.performance})`,
      `accessibility (${lighthouseTargets.accessibility})`,
      `best practices (≥ ${lighthouseTargets.bestPractices})`,
    ],
    ...result.pages.map((page) => [
      page.name,
      mark(page.performance, lighthouseTargets.performance),
      mark(page.accessibility, lighthouseTargets.accessibility),
      mark(page.bestPractices, lighthouseTargets.bestPractices),
    ]),
  ];
  const note = `Lighthouse ${result.lighthouse}, ${result.chromium}; ${result.size.systems.toLocaleString("en")} systems, ${result.size.risks.toLocaleString("en")} risks`;
  return `${alignColumns(rows).join("\n")}\n${note}`;
}
