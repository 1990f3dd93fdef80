/**
 * The agent decision API over HTTP: one caller (an agent) asking `POST /agents/:id/decisions` again and
 * again against `aims serve` in its own process, each decision recorded in the decision log with its
 * audit entry in one transaction. Three calls in four are allowed lookups, one in four a refund the
 * argument rule denies. Target p95 < 10 ms for one caller.
 *
 * Alone: `node --import tsx bench/agent-decision-api.ts` (AIMS_BENCH_DECISIONS, default 3,000 timed
 * decisions after 300 to warm up). Uses the built CLI (packages/cli/dist) when it has the decision API,
 * else the source through tsx.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { examplePolicyYaml as POLICY } from "@openaims/core/testing";
import { migrate, openDatabase } from "@openaims/db";
import { startServerProcess } from "./http-load.js";
import { provisionPostgres } from "./postgres.js";
import { alignColumns } from "./report.js";
import { createBenchOrganization } from "./seed.js";

export const agentDecisionTargets = { p95Ms: 10 };

export interface AgentDecisionApiResult {
  engine: "pglite" | "postgres";
  decisions: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  decisionsPerSecond: number;
  /** The same caller reading its organisation (GET /orgs/:orgId) as often: what any request costs here. */
  baselineP50Ms: number;
  baselineP95Ms: number;
  /** The decision log's rows after the run (warm-up included), and whether it verified. */
  logged: number;
  verified: boolean;
}

const repo = fileURLToPath(new URL("..", import.meta.url));
const distDir = join(repo, "packages/cli/dist");

/** The built CLI when its bundle has the decision API, else the source through tsx. */
function aimsCommand(): string[] {
  const built = join(distDir, "aims.js");
  if (existsSync(built)) {
    const hasRoute = readdirSync(distDir)
      .filter((name) => name.endsWith(".js"))
      .some((name) => readFileSync(join(distDir, name), "utf8").includes("decision-reports"));
    if (hasRoute) return [built];
  }
  return ["--import", "tsx", join(repo, "packages/cli/src/main.ts")];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchAgentDecisionApi(
  engine: AgentDecisionApiResult["engine"],
  databaseUrl: string | undefined,
  decisions: number,
  log: (message: string) => void,
): Promise<AgentDecisionApiResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-decisions-${engine}-`));
  try {
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 2 });
    let seeded: { orgId: string; tokenSecret: string };
    try {
      await database.withSession(migrate);
      seeded = await createBenchOrganization(database, {
        orgName: "Decision bench",
        ownerEmail: `owner-${randomBytes(4).toString("hex")}@bench.example`,
        tokenScope: "write",
      });
    } finally {
      await database.close();
    }
    const server = await startServerProcess(dataDir, databaseUrl, aimsCommand());
    try {
      const base = `${server.url}/api/v1/orgs/${seeded.orgId}`;
      const headers = { authorization: `Bearer ${seeded.tokenSecret}`, "content-type": "application/json" };
      const send = async (method: string, path: string, body?: object) => {
        const res = await fetch(`${base}${path}`, {
          method,
          headers,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
        return JSON.parse(text);
      };
      const system = await send("POST", "/systems", {
        name: "Bench support agent",
        ourRole: "provider",
        impactTier: "medium",
        autonomy: "advisory",
        capabilities: ["llm", "agent_tools"],
      });
      for (const name of ["lookup_order", "issue_refund", "send_email", "delete_customer", "fetch_url"]) {
        const asset = await send("POST", "/assets", { kind: "tool", name });
        await send("POST", `/systems/${system.id}/asset-links`, { assetId: asset.id });
      }
      const policy = await send("POST", "/agent-policies", { systemId: system.id, title: "Bench policy" });
      const version = await send("POST", `/agent-policies/${policy.id}/versions`, { source: POLICY });
      await send("POST", `/agent-policies/${policy.id}/versions/${version.id}/approve`, { version: version.version });
      const decide = (i: number) =>
        send("POST", `/agents/${system.id}/decisions`, {
          sessionId: `bench-${i % 50}`,
          requester: "customer@example.com",
          call:
            i % 4 === 3
              ? { name: "issue_refund", arguments: { amount: 500, order: i } }
              : { name: "lookup_order", arguments: { order: i } },
        });
      const warmUp = Math.max(50, Math.floor(decisions / 10));
      log(`[${engine}] agent decisions: ${warmUp} to warm up, then ${decisions} timed, one caller`);
      for (let i = 0; i < warmUp; i++) await decide(i);
      const times: number[] = [];
      const started = performance.now();
      for (let i = 0; i < decisions; i++) {
        const t0 = performance.now();
        const answer = await decide(warmUp + i);
        times.push(performance.now() - t0);
        if (answer.outcome !== ((warmUp + i) % 4 === 3 ? "deny" : "allow"))
          throw new Error(`unexpected ${answer.outcome}`);
      }
      const seconds = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      const baseline: number[] = [];
      for (let i = 0; i < Math.min(decisions, 1000); i++) {
        const t0 = performance.now();
        await send("GET", "");
        baseline.push(performance.now() - t0);
      }
      baseline.sort((a, b) => a - b);
      const verify = await send("GET", `/agents/${system.id}/decisions/verify`);
      const result: AgentDecisionApiResult = {
        engine,
        decisions,
        p50Ms: round(percentile(times, 0.5)),
        p95Ms: round(percentile(times, 0.95)),
        p99Ms: round(percentile(times, 0.99)),
        decisionsPerSecond: Math.round(decisions / seconds),
        baselineP50Ms: round(percentile(baseline, 0.5)),
        baselineP95Ms: round(percentile(baseline, 0.95)),
        logged: verify.checked,
        verified: verify.verified,
      };
      log(
        `[${engine}] agent decisions: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (a plain read: p50 ${result.baselineP50Ms} ms), verified ${result.verified}`,
      );
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The decision API results as rows: one column per engine. */
export function formatAgentDecisionApiTable(results: readonly AgentDecisionApiResult[]): string {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  const rows: string[][] = [["Agent decision API (one caller)", ...results.map((r) => r.engine)]];
  rows.push(["decisions timed", ...results.map((r) => String(r.decisions))]);
  rows.push(["p50 per decision", ...results.map((r) => `${r.p50Ms} ms`)]);
  rows.push([
    `p95 per decision (target < ${agentDecisionTargets.p95Ms} ms)`,
    ...results.map((r) => `${r.p95Ms} ms ${mark(r.p95Ms < agentDecisionTargets.p95Ms)}`),
  ]);
  rows.push(["p99 per decision", ...results.map((r) => `${r.p99Ms} ms`)]);
  rows.push(["decisions/s", ...results.map((r) => String(r.decisionsPerSecond))]);
  rows.push([
    "baseline GET /orgs/:orgId p50 / p95",
    ...results.map((r) => `${r.baselineP50Ms} / ${r.baselineP95Ms} ms`),
  ]);
  rows.push(["log rows verified", ...results.map((r) => `${r.logged} ${r.verified ? "verified" : "NOT VERIFIED"}`)]);
  return alignColumns(rows).join("\n");
}

/** The decision API on PGlite, then on PostgreSQL when one can be provisioned (else said why not). */
export async function benchAgentDecisionApiOnEngines(
  decisions: number,
  log: (message: string) => void,
): Promise<AgentDecisionApiResult[]> {
  const results = [await benchAgentDecisionApi("pglite", undefined, decisions, log)];
  const postgres = await provisionPostgres();
  if ("skipped" in postgres) log(`[postgres] skipped: ${postgres.skipped}`);
  else {
    try {
      results.push(await benchAgentDecisionApi("postgres", postgres.url, decisions, log));
    } finally {
      await postgres.dispose();
    }
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const decisions = Number(process.env.AIMS_BENCH_DECISIONS ?? 3000);
  const results = await benchAgentDecisionApiOnEngines(decisions, (m) => process.stderr.write(`${m}\n`));
  process.stdout.write(`${formatAgentDecisionApiTable(results)}\n`);
}
