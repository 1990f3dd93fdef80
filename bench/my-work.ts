import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@openaims/db";
import { startServerProcess } from "./http-load.js";
import { alignColumns } from "./report.js";
import { type ImproveSize, seedImprove } from "./seed-improve.js";

export const myWorkTargets = { p95Ms: 50 };

/** Sequential calls of one member's "My work": how long each took, and how much it listed. */
export interface MyWorkTiming {
  calls: number;
  /** Items in the answer (the owner holds owned, overdue and expiring records across modules). */
  items: number;
  bytes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface MyWorkResult extends MyWorkTiming {
  engine: "pglite" | "postgres";
  size: ImproveSize;
  seedSeconds: number;
}

/**
 * Times `GET /my-work` for the member behind `token`: ten uncounted calls to warm up, then `calls`
 * calls one after another (one caller, as the target is stated), each timed to its last byte.
 */
export async function timeMyWork(baseUrl: string, orgId: string, token: string, calls = 300): Promise<MyWorkTiming> {
  const url = `${baseUrl}/api/v1/orgs/${orgId}/my-work`;
  const headers = { authorization: `Bearer ${token}` };
  let items = 0;
  let bytes = 0;
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`my work: HTTP ${response.status} ${body.slice(0, 300)}`);
    bytes = Buffer.byteLength(body);
    items = (JSON.parse(body) as { total: number }).total;
    return ms;
  };
  for (let i = 0; i < 10; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
  return { calls, items, bytes, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/**
 * "My work" at size: the organisation of the checking-and-improving benchmark (2,000 systems, 50,000
 * risks, 10,000 members, 5,000 incidents, 200 audits), seeded in SQL, against `aims serve` in its own
 * process; the owner is timed, who owns the most records.
 */
export async function benchMyWork(
  engine: MyWorkResult["engine"],
  databaseUrl: string | undefined,
  size: ImproveSize,
  log: (message: string) => void,
  calls = 300,
): Promise<MyWorkResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-my-work-${engine}-`));
  try {
    log(`[${engine}] my work: seeding ${size.systems} systems, ${size.risks} risks, ${size.members} members`);
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let seeded: Awaited<ReturnType<typeof seedImprove>>;
    try {
      await database.withSession(migrate);
      seeded = await seedImprove(database, size);
    } finally {
      await database.close();
    }
    log(`[${engine}] my work: seeded in ${seeded.seconds.toFixed(0)} s`);
    const server = await startServerProcess(dataDir, databaseUrl);
    try {
      const timing = await timeMyWork(server.url, seeded.orgId, seeded.tokenSecret, calls);
      log(
        `[${engine}] my work: ${timing.items} items, p50 ${timing.p50Ms} ms, p95 ${timing.p95Ms} ms over ${calls} calls`,
      );
      return { engine, size, seedSeconds: Math.round(seeded.seconds), ...timing };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The results as rows: one column per engine. */
export function formatMyWorkTable(results: readonly MyWorkResult[]): string {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: string[][] = [["my work (one member)", ...results.map((r) => r.engine), "target"]];
  rows.push(["items listed", ...results.map((r) => String(r.items)), ""]);
  rows.push([
    `p50 / p95 over ${results[0]?.calls ?? 0} calls (ms)`,
    ...results.map((r) => `${r.p50Ms} / ${r.p95Ms} ${mark(r.p95Ms < myWorkTargets.p95Ms)}`),
    `p95 < ${myWorkTargets.p95Ms}`,
  ]);
  return alignColumns(rows).join("\n");
}
