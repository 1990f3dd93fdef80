import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@openaims/db";
import { measureRoute, type RouteLoad, startServerProcess } from "./http-load.js";
import { alignColumns } from "./report.js";
import { type ImproveSize, seedImprove } from "./seed-improve.js";

export const improveTargets = { packJsonMs: 2_000, packPdfMs: 5_000, myWorkP95Ms: 50 };

export interface Timings {
  runs: number;
  p50Ms: number;
  maxMs: number;
  bytes: number;
}

export interface ImproveResult {
  engine: "pglite" | "postgres";
  size: ImproveSize;
  seedSeconds: number;
  packJson: Timings;
  packPdf: Timings;
  myWork: RouteLoad;
  myWorkItems: number;
}

/**
 * Checking and improving at size: the management system (2,000 systems, 50,000 risks) with 10,000
 * members, 5,000 incidents and 200 audits, against `aims serve` in its own process. Times the
 * management review pack compiled live as JSON and as PDF (a few runs each, after one uncounted), and
 * "My work" for the owner (who holds owned and overdue records) at one connection.
 */
export async function benchImprove(
  engine: ImproveResult["engine"],
  databaseUrl: string | undefined,
  size: ImproveSize,
  seconds: number,
  log: (message: string) => void,
): Promise<ImproveResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-improve-${engine}-`));
  try {
    log(
      `[${engine}] improve: seeding ${size.systems} systems, ${size.risks} risks, ${size.members} members, ${size.incidents} incidents, ${size.audits} audits`,
    );
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let seeded: Awaited<ReturnType<typeof seedImprove>>;
    try {
      await database.withSession(migrate);
      seeded = await seedImprove(database, size);
    } finally {
      await database.close();
    }
    log(`[${engine}] improve: seeded in ${seeded.seconds.toFixed(0)} s`);
    const server = await startServerProcess(dataDir, databaseUrl);
    try {
      const base = `${server.url}/api/v1/orgs/${seeded.orgId}`;
      const get = (path: string) => timedGet(`${base}${path}`, seeded.tokenSecret);
      const packJson = await timeRuns(() => get("/review-pack?format=json"), 5);
      log(`[${engine}] improve: pack JSON p50 ${packJson.p50Ms} ms, max ${packJson.maxMs} ms`);
      const packPdf = await timeRuns(() => get("/review-pack?format=pdf"), 3);
      log(`[${engine}] improve: pack PDF p50 ${packPdf.p50Ms} ms, max ${packPdf.maxMs} ms`);
      const list = await fetch(`${base}/my-work`, { headers: { authorization: `Bearer ${seeded.tokenSecret}` } });
      if (!list.ok) throw new Error(`my work: HTTP ${list.status} ${await list.text()}`);
      const myWorkItems = countItems(await list.json());
      const myWork = await measureRoute(
        server.url,
        `/api/v1/orgs/${seeded.orgId}/my-work`,
        seeded.tokenSecret,
        1,
        seconds,
      );
      log(`[${engine}] improve: my work (${myWorkItems} items) p50 ${myWork.p50Ms} ms, p95 ${myWork.p95Ms} ms`);
      return { engine, size, seedSeconds: Math.round(seeded.seconds), packJson, packPdf, myWork, myWorkItems };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function timedGet(url: string, token: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms, bytes: body.byteLength };
}

/** One uncounted run, then `runs` counted ones in sequence. */
async function timeRuns(run: () => Promise<{ ms: number; bytes: number }>, runs: number): Promise<Timings> {
  await run();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const result = await run();
    times.push(result.ms);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor((times.length - 1) / 2)] ?? 0;
  return { runs, p50Ms: Math.round(p50), maxMs: Math.round(times.at(-1) ?? 0), bytes };
}

/** Items in a "My work" answer, whatever its grouping. */
function countItems(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    if (Array.isArray(record.items)) return record.items.length;
    return Object.values(record).reduce<number>((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
  }
  return 0;
}

/** The results as rows: one column per engine. */
export function formatImproveTable(results: readonly ImproveResult[]): string {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: string[][] = [["checking and improving", ...results.map((r) => r.engine), "target"]];
  rows.push(["seed (s)", ...results.map((r) => String(r.seedSeconds)), ""]);
  rows.push([
    "review pack JSON p50 / max (ms)",
    ...results.map(
      (r) => `${r.packJson.p50Ms} / ${r.packJson.maxMs} ${mark(r.packJson.maxMs < improveTargets.packJsonMs)}`,
    ),
    `< ${improveTargets.packJsonMs}`,
  ]);
  rows.push([
    "review pack PDF p50 / max (ms)",
    ...results.map(
      (r) => `${r.packPdf.p50Ms} / ${r.packPdf.maxMs} ${mark(r.packPdf.maxMs < improveTargets.packPdfMs)}`,
    ),
    `< ${improveTargets.packPdfMs}`,
  ]);
  rows.push([
    "my work, 1 caller p50 / p95 (ms)",
    ...results.map((r) => `${r.myWork.p50Ms} / ${r.myWork.p95Ms} ${mark(r.myWork.p95Ms < improveTargets.myWorkP95Ms)}`),
    `p95 < ${improveTargets.myWorkP95Ms}`,
  ]);
  rows.push(["my work items", ...results.map((r) => String(r.myWorkItems)), ""]);
  return alignColumns(rows).join("\n");
}
