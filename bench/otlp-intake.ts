import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase } from "@openaims/db";
import { sql } from "kysely";
import { ExportTraceServiceRequest } from "../packages/server/src/telemetry/otlp-proto.js";
import { startServerProcess } from "./http-load.js";
import { alignColumns } from "./report.js";
import { createBenchOrganization } from "./seed.js";

/**
 * OpenTelemetry intake: GenAI spans sent as 512-span protobuf batches (what the SDK's
 * BatchSpanProcessor sends) by a few concurrent clients to `POST /v1/traces` of `aims serve` in its
 * own process, for a number of seconds; then the time until the per-minute rollups (and the telemetry
 * metric observations written in the same transaction) include the last span.
 */

export const otlpIntakeTargets = { spansPerSecond: 20_000, rollupLagMs: 5_000 };

export interface OtlpIntakeResult {
  engine: "pglite" | "postgres";
  clients: number;
  batchSize: number;
  seconds: number;
  spans: number;
  spansPerSecond: number;
  requestP50Ms: number;
  requestP95Ms: number;
  /** From the last answer until the rollups counted every span sent. */
  rollupLagMs: number;
}

const OPERATIONS = [
  "chat",
  "chat",
  "chat",
  "chat",
  "chat",
  "chat",
  "embeddings",
  "execute_tool",
  "execute_tool",
  "chat",
];
const TOOLS = ["search_orders", "refund", "lookup_customer"];

/** `count` protobuf ExportTraceServiceRequests of `batchSize` GenAI spans each, distinct ids, started around `now`. */
export function genAiBatches(serviceName: string, count: number, batchSize: number, now = Date.now()): Uint8Array[] {
  const batches: Uint8Array[] = [];
  for (let b = 0; b < count; b++) {
    const spans = [];
    for (let i = 0; i < batchSize; i++) {
      const n = b * batchSize + i;
      const operation = OPERATIONS[n % OPERATIONS.length] as string;
      const startNs = BigInt(now - 30_000 + (n % 20_000)) * 1_000_000n;
      const durationNs = BigInt(50 + ((n * 37) % 4000)) * 1_000_000n;
      const attributes: { key: string; value: Record<string, unknown> }[] = [
        { key: "gen_ai.operation.name", value: { stringValue: operation } },
        { key: "gen_ai.provider.name", value: { stringValue: "openai" } },
        { key: "enduser.id", value: { stringValue: `user-${n % 200}` } },
      ];
      if (operation === "execute_tool")
        attributes.push({ key: "gen_ai.tool.name", value: { stringValue: TOOLS[n % TOOLS.length] } });
      else
        attributes.push(
          { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
          { key: "gen_ai.response.model", value: { stringValue: "gpt-4o-mini-2024-07-18" } },
          { key: "gen_ai.usage.input_tokens", value: { intValue: 200 + (n % 800) } },
          { key: "gen_ai.usage.output_tokens", value: { intValue: 20 + (n % 300) } },
          {
            key: "gen_ai.response.finish_reasons",
            value: { arrayValue: { values: [{ stringValue: n % 97 === 0 ? "content_filter" : "stop" }] } },
          },
        );
      spans.push({
        traceId: randomBytes(16),
        spanId: randomBytes(8),
        name: `${operation} gpt-4o-mini`,
        kind: 3,
        startTimeUnixNano: startNs.toString(),
        endTimeUnixNano: (startNs + durationNs).toString(),
        attributes,
        status: { code: n % 50 === 0 ? 2 : 0 },
      });
    }
    const message = ExportTraceServiceRequest.fromObject({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: serviceName } }] },
          scopeSpans: [{ scope: { name: "bench" }, spans }],
        },
      ],
    });
    batches.push(new Uint8Array(ExportTraceServiceRequest.encode(message).finish()));
  }
  return batches;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);
}

/** Sends the batches round-robin from `clients` loops for `seconds`; answers spans accepted and request times. */
export async function sendBatches(
  baseUrl: string,
  token: string,
  batches: Uint8Array[],
  batchSize: number,
  clients: number,
  seconds: number,
): Promise<{ spans: number; seconds: number; times: number[] }> {
  const times: number[] = [];
  let spans = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const client = async () => {
    while (performance.now() < until) {
      const body = batches[next++ % batches.length] as Uint8Array<ArrayBuffer>;
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/v1/traces`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/x-protobuf" },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`intake answered HTTP ${response.status}`);
      times.push(performance.now() - sent);
      spans += batchSize;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { spans, seconds: (performance.now() - started) / 1000, times: times.sort((a, b) => a - b) };
}

/** Every span the rollups counted: the model calls (requests) and the tool calls, which are not requests. */
async function spansCounted(baseUrl: string, token: string, orgId: string, systemId: string): Promise<number> {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const response = await fetch(
    `${baseUrl}/api/v1/orgs/${orgId}/systems/${systemId}/telemetry/summary?from=${encodeURIComponent(from)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const summary = (await response.json()) as { requests: number; toolCalls: { count: number }[] };
  return summary.requests + summary.toolCalls.reduce((sum, t) => sum + t.count, 0);
}

/** Polls the system's telemetry summary until it counts `expected` spans; answers the wait in ms. */
async function waitForRollups(baseUrl: string, token: string, orgId: string, systemId: string, expected: number) {
  const started = performance.now();
  for (;;) {
    const counted = await spansCounted(baseUrl, token, orgId, systemId);
    if (counted >= expected) return Math.round(performance.now() - started);
    if (performance.now() - started > 60_000)
      throw new Error(`rollups counted ${counted} of ${expected} spans after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function benchOtlpIntake(
  engine: OtlpIntakeResult["engine"],
  databaseUrl: string | undefined,
  load: { clients: number; seconds: number; batchSize: number },
  log: (message: string) => void,
): Promise<OtlpIntakeResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-otlp-${engine}-`));
  const previousRate = process.env.AIMS_OTLP_SPANS_PER_SECOND;
  try {
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let orgId: string;
    let tokenSecret: string;
    const systemId = randomUUID();
    try {
      await database.withSession(migrate);
      ({ orgId, tokenSecret } = await createBenchOrganization(database, {
        orgName: "OTLP bench",
        ownerEmail: `otlp-${randomBytes(4).toString("hex")}@example.com`,
        tokenScope: "write",
      }));
      await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
        values (${systemId}, ${orgId}, 'support-bot', 'Support bot', 'provider', 'operation', 'low', 'advisory')`.execute(
        database.db,
      );
      await sql`insert into telemetry_prices (id, org_id, model, input_per_million, output_per_million)
        values (${randomUUID()}, ${orgId}, 'gpt-4o-mini*', 0.15, 0.6)`.execute(database.db);
    } finally {
      await database.close();
    }
    // The bench measures the intake, not the per-token rate limit.
    process.env.AIMS_OTLP_SPANS_PER_SECOND = "100000000";
    const server = await startServerProcess(dataDir, databaseUrl);
    try {
      const batches = genAiBatches("support-bot", 64, load.batchSize);
      log(`[${engine}] otlp: warming up`);
      await sendBatches(server.url, tokenSecret, batches, load.batchSize, 1, 1);
      await waitForRollups(server.url, tokenSecret, orgId, systemId, 1);
      const before = await settledRequests(server.url, tokenSecret, orgId, systemId);
      log(`[${engine}] otlp: ${load.clients} clients × ${load.batchSize}-span protobuf batches for ${load.seconds} s`);
      const sent = await sendBatches(server.url, tokenSecret, batches, load.batchSize, load.clients, load.seconds);
      const rollupLagMs = await waitForRollups(server.url, tokenSecret, orgId, systemId, before + sent.spans);
      const result: OtlpIntakeResult = {
        engine,
        clients: load.clients,
        batchSize: load.batchSize,
        seconds: Math.round(sent.seconds * 10) / 10,
        spans: sent.spans,
        spansPerSecond: Math.round(sent.spans / sent.seconds),
        requestP50Ms: Math.round(percentile(sent.times, 0.5)),
        requestP95Ms: Math.round(percentile(sent.times, 0.95)),
        rollupLagMs,
      };
      log(
        `[${engine}] otlp: ${result.spansPerSecond.toLocaleString("en")} spans/s, rollups current ${rollupLagMs} ms after the last answer`,
      );
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    if (previousRate === undefined) delete process.env.AIMS_OTLP_SPANS_PER_SECOND;
    else process.env.AIMS_OTLP_SPANS_PER_SECOND = previousRate;
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function settledRequests(baseUrl: string, token: string, orgId: string, systemId: string) {
  // Let the warm-up's last flush land, so the measured run starts from a settled count.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return spansCounted(baseUrl, token, orgId, systemId);
}

export function formatOtlpIntakeTable(results: OtlpIntakeResult[]): string {
  const rows = [
    ["engine", "clients", "batch", "spans", "spans/s", `target`, "request p50/p95 ms", "rollup lag ms", "target"],
    ...results.map((r) => [
      r.engine,
      String(r.clients),
      String(r.batchSize),
      r.spans.toLocaleString("en"),
      r.spansPerSecond.toLocaleString("en"),
      `≥ ${otlpIntakeTargets.spansPerSecond.toLocaleString("en")} ${r.spansPerSecond >= otlpIntakeTargets.spansPerSecond ? "✓" : "✗"}`,
      `${r.requestP50Ms} / ${r.requestP95Ms}`,
      String(r.rollupLagMs),
      `≤ ${otlpIntakeTargets.rollupLagMs} ${r.rollupLagMs <= otlpIntakeTargets.rollupLagMs ? "✓" : "✗"}`,
    ]),
  ];
  return `OpenTelemetry intake (POST /v1/traces, GenAI spans in protobuf)\n${alignColumns(rows).join("\n")}`;
}
