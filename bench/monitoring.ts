import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type AimsDatabase, type Database, openDatabase } from "@openaims/db";
import { configFromEnv, startServer } from "@openaims/server";
import { type Kysely, sql } from "kysely";
import { createBenchOrganization } from "./seed.js";

/**
 * Monitoring benchmarks: observation ingestion through the API, bulk seeding of observations, and
 * chart data for one year of hourly observations. `npx tsx bench/monitoring.ts` runs all three
 * against an in-process server on an embedded database and prints the figures.
 */

const HOUR_MS = 3_600_000;

/**
 * Sends `total` observations of one metric through `POST /observations` in batches of `batchSize`,
 * one batch after another, and answers the rate in observations per second. The first batch warms
 * up the server and is not counted.
 */
export async function benchIngestion(
  baseUrl: string,
  token: string,
  orgId: string,
  systemId: string,
  metricName: string,
  total: number,
  batchSize: number,
): Promise<{ observations: number; seconds: number; perSecond: number }> {
  const start = Date.now() - (total + batchSize) * 1000;
  const body = (offset: number, size: number) =>
    JSON.stringify({
      system: systemId,
      observations: Array.from({ length: size }, (_, i) => ({
        metric: metricName,
        value: ((offset + i) % 997) / 10,
        at: new Date(start + (offset + i) * 1000).toISOString(),
      })),
    });
  const send = async (payload: string) => {
    const response = await fetch(`${baseUrl}/api/v1/orgs/${orgId}/observations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: payload,
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`ingestion: HTTP ${response.status}: ${text.slice(0, 300)}`);
  };
  await send(body(0, batchSize));
  const payloads: string[] = [];
  for (let offset = batchSize; offset < total + batchSize; offset += batchSize)
    payloads.push(body(offset, Math.min(batchSize, total + batchSize - offset)));
  const started = performance.now();
  for (const payload of payloads) await send(payload);
  const seconds = (performance.now() - started) / 1000;
  return { observations: total, seconds, perSecond: Math.round(total / seconds) };
}

/**
 * Puts `count` observations of one metric into the database with one statement: one every `stepMs`,
 * ending at `end`, as a wave with some noise. For seeding only; the API path is `benchIngestion`.
 */
export async function seedObservations(
  db: Kysely<Database>,
  metricId: string,
  count: number,
  end: Date = new Date(),
  stepMs: number = HOUR_MS,
): Promise<void> {
  await sql`insert into metric_observations (metric_id, at, value)
    select ${metricId}::uuid, ${end.toISOString()}::timestamptz - make_interval(secs => (${count}::int - n) * ${stepMs / 1000}::float8),
      400 + 300 * sin(n / 24.0) + (n % 17) * 10
    from generate_series(1, ${count}::int) as n`.execute(db);
}

/**
 * Times `GET /metrics/:id/chart` for the year before the last observation, `runs` times after one
 * warm-up, and answers the median and 95th percentile in milliseconds.
 */
export async function benchChart(
  baseUrl: string,
  token: string,
  orgId: string,
  metricId: string,
  runs: number,
  to: Date = new Date(),
): Promise<{ p50Ms: number; p95Ms: number; points: number }> {
  const from = new Date(to.getTime() - 365 * 24 * HOUR_MS);
  const url = `${baseUrl}/api/v1/orgs/${orgId}/metrics/${metricId}/chart?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  const get = async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { points?: unknown[] };
    if (!response.ok) throw new Error(`chart: HTTP ${response.status}`);
    return body.points?.length ?? 0;
  };
  const points = await get();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await get();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 10) / 10;
  return { p50Ms: at(0.5), p95Ms: at(0.95), points };
}

/** An AI system with two metrics: one to ingest into, one with a year of hourly observations for the chart. */
async function seedMonitoring(database: AimsDatabase, orgId: string, chartObservations: number, end: Date) {
  const systemId = randomUUID();
  const ingestMetricId = randomUUID();
  const chartMetricId = randomUUID();
  await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
    values (${systemId}, ${orgId}, 'bench-bot', 'Bench bot', 'provider', 'operation', 'low', 'advisory')`.execute(
    database.db,
  );
  await database.db
    .insertInto("metrics")
    .values([
      {
        id: ingestMetricId,
        org_id: orgId,
        system_id: systemId,
        name: "requests",
        direction: "higher_is_better",
        warning_threshold: null,
        critical_threshold: null,
        cadence_minutes: null,
        review_risk_id: null,
        created_by_member_id: null,
      },
      {
        id: chartMetricId,
        org_id: orgId,
        system_id: systemId,
        name: "latency-p95",
        unit: "ms",
        direction: "lower_is_better",
        warning_threshold: 800,
        critical_threshold: 1200,
        cadence_minutes: 60,
        review_risk_id: null,
        created_by_member_id: null,
      },
    ])
    .execute();
  await seedObservations(database.db, chartMetricId, chartObservations, end);
  return { systemId, ingestMetricId, chartMetricId };
}

async function main(): Promise<void> {
  const total = Number(process.env.AIMS_BENCH_OBSERVATIONS ?? 200_000);
  const batchSize = Number(process.env.AIMS_BENCH_BATCH ?? 10_000);
  const dataDir = await mkdtemp(join(tmpdir(), "aims-bench-monitoring-"));
  const databaseUrl = process.env.DATABASE_URL;
  const database = await openDatabase({ dataDir, databaseUrl });
  try {
    const server = await startServer(
      configFromEnv(
        // A server on PostgreSQL needs the key that seals stored secrets; a throw-away one does here.
        databaseUrl ? { AIMS_SECRET_KEY: randomBytes(32).toString("base64") } : {},
        { host: "127.0.0.1", port: 0, dataDir, databaseUrl, logLevel: "silent" },
      ),
      database,
    );
    try {
      const { orgId, tokenSecret } = await createBenchOrganization(database, {
        orgName: "Monitoring bench",
        ownerEmail: "owner@bench.example",
        tokenScope: "write",
      });
      const end = new Date();
      const seedStarted = performance.now();
      const seeded = await seedMonitoring(database, orgId, 24 * 365, end);
      console.log(`seeded one year of hourly observations in ${Math.round(performance.now() - seedStarted)} ms`);
      const ingestion = await benchIngestion(
        server.url,
        tokenSecret,
        orgId,
        seeded.systemId,
        "requests",
        total,
        batchSize,
      );
      console.log(
        `ingestion: ${ingestion.observations.toLocaleString("en")} observations in batches of ${batchSize.toLocaleString("en")}: ${ingestion.perSecond.toLocaleString("en")} observations/s (target >= 20,000)`,
      );
      const chart = await benchChart(server.url, tokenSecret, orgId, seeded.chartMetricId, 50, end);
      console.log(
        `chart of one year hourly (${chart.points} points): p50 ${chart.p50Ms} ms, p95 ${chart.p95Ms} ms (target < 100 ms)`,
      );
    } finally {
      await server.close();
    }
  } finally {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
