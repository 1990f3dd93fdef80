import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AimsDatabase, migrate, openDatabase, type RawSession } from "@openaims/db";
import { measureRoute, type RouteLoad, startServerProcess } from "./http-load.js";
import { benchChart, benchIngestion, seedObservations } from "./monitoring.js";
import { alignColumns } from "./report.js";
import { type AimsCoreSize, seedAimsCore } from "./seed-aims-core.js";

export const operateTargets = { gateP95Ms: 30, observationsPerSecond: 20_000, chartMs: 100 };

export interface OperateSize extends AimsCoreSize {
  incidents: number;
  observations: number;
}

export interface IngestionResult {
  observations: number;
  batchSize: number;
  seconds: number;
  perSecond: number;
}

export interface OperateResult {
  engine: "pglite" | "postgres";
  size: OperateSize;
  seedSeconds: number;
  /** The system the gate is checked for, and how many risks it has. */
  gateSystemRisks: number;
  gateOneCaller: RouteLoad;
  gateConnections: RouteLoad;
  ingestion: IngestionResult;
  /** One year of hourly observations of one metric, with its thresholds and alerts. */
  chart: { p50Ms: number; p95Ms: number; points: number; runs: number };
}

const HOURS_IN_YEAR = 24 * 365;
/** Observations pushed through the API, after one uncounted batch. */
const INGESTED = 190_000;

/**
 * Operating the management system at size: the management-system organisation (2,000 systems, 50,000
 * risks) with 5,000 incidents and 1,000,000 metric observations, against `aims serve` in its own
 * process. Times the release-gate check for one caller and at `connections`, observation ingestion
 * through the API in full batches, and one year of hourly observations served as chart data (the last two with bench/monitoring.ts).
 */
export async function benchOperate(
  engine: OperateResult["engine"],
  databaseUrl: string | undefined,
  size: OperateSize,
  load: { connections: number; seconds: number },
  log: (message: string) => void,
): Promise<OperateResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-operate-${engine}-`));
  try {
    log(
      `[${engine}] operate: seeding ${size.systems} systems, ${size.risks} risks, ${size.incidents} incidents, ${size.observations.toLocaleString("en")} observations`,
    );
    const started = performance.now();
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let seeded: SeededOperate;
    try {
      await database.withSession(migrate);
      seeded = await seedOperate(database, size);
    } finally {
      await database.close();
    }
    const seedSeconds = Math.round((performance.now() - started) / 1000);
    log(`[${engine}] operate: seeded in ${seedSeconds} s`);
    const server = await startServerProcess(dataDir, databaseUrl);
    try {
      const { orgId, tokenSecret } = seeded;
      const gatePath = `/api/v1/orgs/${orgId}/systems/${seeded.gateSystemId}/gate?stage=deployment`;
      log(`[${engine}] operate: GET gate at 1 connection for ${load.seconds} s`);
      const gateOneCaller = await measureRoute(server.url, gatePath, tokenSecret, 1, load.seconds);
      log(
        `[${engine}] operate: gate p50 ${gateOneCaller.p50Ms} ms, p95 ${gateOneCaller.p95Ms} ms; at ${load.connections}`,
      );
      const gateConnections = await measureRoute(server.url, gatePath, tokenSecret, load.connections, load.seconds);
      log(`[${engine}] operate: gate at ${load.connections}: p95 ${gateConnections.p95Ms} ms; ingestion`);
      const batchSize = 10_000;
      const ingested = await benchIngestion(
        server.url,
        tokenSecret,
        orgId,
        seeded.ingestSystemSlug,
        seeded.ingestMetric,
        INGESTED,
        batchSize,
      );
      const ingestion = { ...ingested, batchSize };
      log(`[${engine}] operate: ${ingestion.perSecond.toLocaleString("en")} observations/s; chart`);
      const chartRuns = 50;
      const chart = {
        ...(await benchChart(server.url, tokenSecret, orgId, seeded.chartMetricId, chartRuns, seeded.chartTo)),
        runs: chartRuns,
      };
      log(`[${engine}] operate: chart of ${chart.points} points p50 ${chart.p50Ms} ms, p95 ${chart.p95Ms} ms`);
      return {
        engine,
        size,
        seedSeconds,
        gateSystemRisks: seeded.gateSystemRisks,
        gateOneCaller,
        gateConnections,
        ingestion,
        chart,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface SeededOperate {
  orgId: string;
  tokenSecret: string;
  gateSystemId: string;
  gateSystemRisks: number;
  chartMetricId: string;
  chartTo: Date;
  ingestSystemSlug: string;
  ingestMetric: string;
}

async function seedOperate(database: AimsDatabase, size: OperateSize): Promise<SeededOperate> {
  const core = await seedAimsCore(database, size);
  const to = new Date();
  to.setUTCMinutes(0, 0, 0);
  const seeded = await database.withSession(async (session) => {
    await session.exec("begin");
    await insertIncidents(session, core.orgId, size.incidents);
    const metrics = await insertMetrics(session, core.orgId, size.observations, to);
    await session.exec("commit");
    await session.exec("analyze");
    const [gate] = await session.query<{ id: string; risks: string }>(
      `select s.id, count(r.id) as risks from ai_systems s left join risks r on r.system_id = s.id
       where s.org_id = $1 and s.slug = 'system-1' group by s.id`,
      [core.orgId],
    );
    if (!gate) throw new Error("operate bench: system-1 was not seeded");
    return {
      orgId: core.orgId,
      tokenSecret: core.tokenSecret,
      gateSystemId: gate.id,
      gateSystemRisks: Number(gate.risks),
      chartMetricId: metrics.chartMetricId,
      chartTo: to,
      ingestSystemSlug: "system-3",
      ingestMetric: "ingest-rate",
    };
  });
  await seedObservations(database.db, seeded.chartMetricId, HOURS_IN_YEAR, to);
  await database.withSession((session) => session.exec("analyze"));
  return seeded;
}

/** Incidents over the last two years, in every status and severity, each affecting one system. */
export async function insertIncidents(session: RawSession, orgId: string, count: number): Promise<void> {
  await session.query(
    `insert into incidents (id, org_id, ref, title, description, severity, status, detected_at)
     select gen_random_uuid(), $1::uuid, 'INC-' || lpad(n::text, 4, '0'), 'Benchmark incident ' || n, 'Seeded',
       (array['low','medium','high','critical'])[1 + n % 4],
       (array['reported','triaged','contained','resolved','closed'])[1 + n % 5],
       now() - make_interval(hours => n * 3)
     from generate_series(1, $2::int) as n`,
    [orgId, count],
  );
  await session.query(
    `insert into incident_systems (incident_id, org_id, system_id)
     select i.id, $1::uuid, s.id
     from (select id, row_number() over (order by ref) as n from incidents where org_id = $1) i
     join (select id, row_number() over (order by slug) as n from ai_systems where org_id = $1) s
       on s.n = 1 + i.n % (select count(*) from ai_systems where org_id = $1)`,
    [orgId],
  );
  await session.query(
    `insert into org_counters (org_id, kind, next_value) values ($1, 'incident', $2 + 1)
     on conflict (org_id, kind) do update set next_value = excluded.next_value`,
    [orgId, count],
  );
}

/**
 * The chart metric (system-1's latency, one year hourly, with thresholds), the ingestion metric on
 * system-3, and the rest of the observations spread over one metric on each of 200 other systems.
 */
async function insertMetrics(
  session: RawSession,
  orgId: string,
  observations: number,
  to: Date,
): Promise<{ chartMetricId: string }> {
  const [chart] = await session.query<{ id: string }>(
    `insert into metrics (id, org_id, system_id, name, unit, direction, warning_threshold, critical_threshold, cadence_minutes)
     select gen_random_uuid(), $1::uuid, id, 'latency-p95', 'ms', 'lower_is_better', 800, 1200, 60
     from ai_systems where org_id = $1 and slug = 'system-1' returning id`,
    [orgId],
  );
  if (!chart) throw new Error("operate bench: no chart metric");
  await session.query(
    `insert into metrics (id, org_id, system_id, name, unit, direction, warning_threshold, critical_threshold)
     select gen_random_uuid(), $1::uuid, id, 'ingest-rate', 'req/s', 'higher_is_better', null, null
     from ai_systems where org_id = $1 and slug = 'system-3'`,
    [orgId],
  );
  const spread = 200;
  const perMetric = Math.max(0, Math.floor((observations - HOURS_IN_YEAR) / spread));
  await session.query(
    `insert into metrics (id, org_id, system_id, name, unit, direction, warning_threshold, critical_threshold, cadence_minutes)
     select gen_random_uuid(), $1::uuid, id, 'error-rate', '%', 'lower_is_better', 2, 5, 60
     from ai_systems where org_id = $1 and slug <> 'system-1' and slug <> 'system-3'
     order by slug limit $2`,
    [orgId, spread],
  );
  await session.query(
    `insert into metric_observations (metric_id, at, value)
     select m.id, $2::timestamptz - make_interval(mins => 5 * k), (k % 100) / 50.0
     from metrics m cross join generate_series(1, $3::int) as k
     where m.org_id = $1 and m.name = 'error-rate'`,
    [orgId, to.toISOString(), perMetric],
  );
  return { chartMetricId: chart.id };
}

/** The operate results as rows: one column per engine. */
export function formatOperateTable(results: readonly OperateResult[]): string {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const clean = (load: RouteLoad) => load.non2xx === 0 && load.errors === 0;
  const rows: string[][] = [["operate", "target", ...results.map((r) => r.engine)]];
  rows.push([
    "gate check p50 / p95 (ms), 1 caller",
    `p95 < ${operateTargets.gateP95Ms}`,
    ...results.map(
      (r) =>
        `${r.gateOneCaller.p50Ms} / ${r.gateOneCaller.p95Ms} ${mark(r.gateOneCaller.p95Ms < operateTargets.gateP95Ms && clean(r.gateOneCaller))}`,
    ),
  ]);
  rows.push([
    `gate check p50 / p95 (ms), ${results[0]?.gateConnections.connections ?? 64} connections`,
    "",
    ...results.map(
      (r) => `${r.gateConnections.p50Ms} / ${r.gateConnections.p95Ms} (${r.gateConnections.requestsPerSecond}/s)`,
    ),
  ]);
  rows.push(["  gate system's risks", "", ...results.map((r) => String(r.gateSystemRisks))]);
  rows.push([
    "ingestion (observations/s)",
    `>= ${operateTargets.observationsPerSecond.toLocaleString("en")}`,
    ...results.map(
      (r) =>
        `${r.ingestion.perSecond.toLocaleString("en")} ${mark(r.ingestion.perSecond >= operateTargets.observationsPerSecond)}`,
    ),
  ]);
  rows.push([
    "chart data, 1 year hourly p50 / p95 (ms)",
    `< ${operateTargets.chartMs}`,
    ...results.map((r) => `${r.chart.p50Ms} / ${r.chart.p95Ms} ${mark(r.chart.p95Ms < operateTargets.chartMs)}`),
  ]);
  rows.push(["  chart points served", "", ...results.map((r) => String(r.chart.points))]);
  rows.push([
    "  non-2xx + errors",
    "0",
    ...results.map((r) =>
      String([r.gateOneCaller, r.gateConnections].reduce((sum, load) => sum + load.non2xx + load.errors, 0)),
    ),
  ]);
  rows.push(["seeding (s)", "", ...results.map((r) => String(r.seedSeconds))]);
  return alignColumns(rows).join("\n");
}
