import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@openaims/db";
import type { Timed } from "./aims-core-load.js";
import { measureRoute, type RouteLoad, startServerProcess } from "./http-load.js";
import { alignColumns } from "./report.js";
import type { AimsCoreSize } from "./seed-aims-core.js";
import { seedHome } from "./seed-home.js";

export const homeTargets = { p95Ms: 50 };

export interface HomeResult {
  engine: "pglite" | "postgres";
  size: AimsCoreSize;
  seedSeconds: number;
  /** The first view after start: readiness computed and today's snapshot written. */
  firstViewMs: number;
  /** One caller loading the dashboard again and again while nothing changes. */
  load: RouteLoad;
  /** The dashboard right after a change (a new risk), when readiness is computed afresh. */
  afterChange: Timed;
}

/**
 * The home dashboard at size: the management-system organisation (2,000 systems, 50,000 risks, 20,000
 * evidence links) with owned, overdue and expiring records and twenty scans, against `aims serve` in
 * its own process. Times the first view, one connection for `seconds`, and views right after a change.
 */
export async function benchHome(
  engine: HomeResult["engine"],
  databaseUrl: string | undefined,
  size: AimsCoreSize,
  seconds: number,
  log: (message: string) => void,
): Promise<HomeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-home-${engine}-`));
  try {
    log(`[${engine}] home: seeding ${size.systems} systems, ${size.risks} risks, ${size.evidenceLinks} evidence links`);
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let seeded: Awaited<ReturnType<typeof seedHome>>;
    try {
      await database.withSession(migrate);
      seeded = await seedHome(database, size);
    } finally {
      await database.close();
    }
    log(`[${engine}] home: seeded in ${seeded.seconds.toFixed(0)} s`);
    const server = await startServerProcess(dataDir, databaseUrl);
    try {
      const path = `/api/v1/orgs/${seeded.orgId}/home`;
      const started = performance.now();
      const first = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${seeded.tokenSecret}` } });
      await first.arrayBuffer();
      if (!first.ok) throw new Error(`home: HTTP ${first.status}`);
      const firstViewMs = Math.round(performance.now() - started);
      log(`[${engine}] home: first view ${firstViewMs} ms; GET ${path} at 1 connection for ${seconds} s`);
      const load = await measureRoute(server.url, path, seeded.tokenSecret, 1, seconds);
      log(`[${engine}] home: p50 ${load.p50Ms} ms, p95 ${load.p95Ms} ms`);
      const afterChange = await timeAfterChanges(server.url, seeded.tokenSecret, seeded.orgId, 5);
      log(`[${engine}] home: right after a change, median ${afterChange.medianMs} ms`);
      return {
        engine,
        size,
        seedSeconds: Math.round(seeded.seconds),
        firstViewMs,
        load,
        afterChange,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The home results as rows: one column per engine. */
export function formatHomeTable(results: readonly HomeResult[]): string {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: string[][] = [["home dashboard", "target", ...results.map((r) => r.engine)]];
  rows.push([
    "GET home p50 / p95 (ms), 1 caller",
    `p95 < ${homeTargets.p95Ms}`,
    ...results.map((r) => {
      const ok = r.load.p95Ms < homeTargets.p95Ms && r.load.non2xx === 0 && r.load.errors === 0;
      return `${r.load.p50Ms} / ${r.load.p95Ms} ${mark(ok)}`;
    }),
  ]);
  rows.push(["  requests in the run", "", ...results.map((r) => r.load.requests.toLocaleString("en"))]);
  rows.push(["  non-2xx + errors", "0", ...results.map((r) => String(r.load.non2xx + r.load.errors))]);
  rows.push(["first view after start (ms)", "", ...results.map((r) => String(r.firstViewMs))]);
  rows.push(["view right after a change (median ms)", "", ...results.map((r) => String(r.afterChange.medianMs))]);
  rows.push(["seeding (s)", "", ...results.map((r) => String(r.seedSeconds))]);
  return alignColumns(rows).join("\n");
}

/** `runs` times: add a risk (a change, so readiness is computed afresh), then time one dashboard view. */
async function timeAfterChanges(baseUrl: string, token: string, orgId: string, runs: number): Promise<Timed> {
  const headers = { authorization: `Bearer ${token}` };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const change = await fetch(`${baseUrl}/api/v1/orgs/${orgId}/risks`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ title: `Home bench change ${i + 1}` }),
    });
    await change.arrayBuffer();
    if (!change.ok) throw new Error(`home bench: adding a risk answered HTTP ${change.status}`);
    const started = performance.now();
    const view = await fetch(`${baseUrl}/api/v1/orgs/${orgId}/home`, { headers });
    bytes = (await view.arrayBuffer()).byteLength;
    if (!view.ok) throw new Error(`home bench: HTTP ${view.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    what: "home after a change",
    runs,
    medianMs: round(times[Math.floor(times.length / 2)] ?? 0),
    maxMs: round(times.at(-1) ?? 0),
    bytes,
  };
}
