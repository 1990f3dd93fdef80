import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase } from "@openaims/db";
import {
  type AgentDecisionApiResult,
  benchAgentDecisionApiOnEngines,
  formatAgentDecisionApiTable,
} from "./agent-decision-api.js";
import { type AgentDecisionBenchResult, benchAgentDecisions, formatAgentDecisionsTable } from "./agent-decisions.js";
import { benchAimsCore, type CoreResult, formatCoreTable } from "./aims-core.js";
import { benchAnomalyMarkers, formatAnomalyMarkersTable, type MarkerBenchResult } from "./anomaly-markers.js";
import { benchDrift, type DriftBenchResult, formatDriftTable } from "./drift.js";
import { benchGuard, formatGuardTable, type GuardBenchResult } from "./guard.js";
import { benchHome, formatHomeTable, type HomeResult } from "./home.js";
import { measureRoute, type RouteLoad, startServerProcess } from "./http-load.js";
import { benchImprove, formatImproveTable, type ImproveResult } from "./improve.js";
import { benchLighthouse, formatLighthouseTable, type LighthouseResult } from "./lighthouse.js";
import { benchMcpGateway, formatMcpGatewayTable, type GatewayBenchResult } from "./mcp-gateway.js";
import { benchModelScan, formatModelScanTable, type ModelScanBenchResult } from "./model-scan.js";
import { benchOperate, formatOperateTable, type OperateResult } from "./operate.js";
import { benchOtlpIntake, formatOtlpIntakeTable, type OtlpIntakeResult } from "./otlp-intake.js";
import { benchPdfExport, formatPdfExportTable, type PdfExportResult } from "./pdf-export.js";
import { provisionPostgres } from "./postgres.js";
import { benchRedteam, formatRedteamTable, type RedteamBench } from "./redteam.js";
import { benchReminderFanout, formatReminderFanoutTable, type ReminderFanoutResult } from "./reminder-fanout.js";
import { type BenchResults, type EngineResult, formatTable, targets } from "./report.js";
import { seedOrganization } from "./seed.js";
import { measureVerify } from "./verify.js";
import { measureInitialJs } from "./web-size.js";

const settings = {
  members: intFromEnv("AIMS_BENCH_MEMBERS", 10_000),
  auditEntries: intFromEnv("AIMS_BENCH_AUDIT_ENTRIES", 1_000_000),
  connections: 64,
  seconds: intFromEnv("AIMS_BENCH_SECONDS", 10),
  /**
   * Which parts run: "foundation" (members, audit chain, /me), "core" (the management system) and
   * "redteam" (the scanner against the reference app, and promptfoo beside it) and "home" (the home
   * dashboard at the management system's size, one caller), "lighthouse" (Lighthouse scores of four
   * pages in Chromium), "pdf" (a 500-row PDF risk register in every script) and "operate" (release-gate
   * checks, metric ingestion and chart data beside 5,000 incidents and 1,000,000 observations) and
   * "improve" (the management review pack and "My work" beside 10,000 members and 200 audits, and
   * 10,000 reminders fanned out in-app and to a webhook receiver) and "otlp" (GenAI spans through the
   * OpenTelemetry intake in 512-span protobuf batches from a few clients, and how soon rollups include them)
   * and "drift" (a drift report on 10 numeric columns × 10,000,000 rows of Parquet on each side) and
   * "markers" (the anomaly content markers over 50,000 GenAI-sized prompts and replies, one core) and
   * "modelscan" (hash and scan of a 2 GB safetensors file and a 1 GB PyTorch checkpoint beside
   * sha256sum, and a folder of 10,000 small pickles) and "mcp-gateway" (tools/call of a trivial tool directly
   * and through `aims mcp-gateway` over stdio and Streamable HTTP, and calls/s at 32 concurrent sessions)
   * and "agent-decisions" (the agent decision function: 200,000 decisions of a 50-rule policy, p50/p99, one core)
   * and "guard" (the runtime guard in-process: screenInput and screenOutput on 4 KB texts, decideToolCall p50/p99).
   */
  parts: (
    process.env.AIMS_BENCH_PARTS ??
    "foundation,core,home,operate,improve,otlp,lighthouse,pdf,redteam,drift,markers,modelscan,mcp-gateway,agent-decisions,agent-decision-api,guard"
  )
    .split(",")
    .map((part) => part.trim()),
  /** The organisation Lighthouse looks at: a mid-sized management system. */
  lighthouse: {
    systems: intFromEnv("AIMS_BENCH_LIGHTHOUSE_SYSTEMS", 200),
    risks: intFromEnv("AIMS_BENCH_LIGHTHOUSE_RISKS", 5_000),
    evidenceLinks: 2_000,
  },
  pdfRows: intFromEnv("AIMS_BENCH_PDF_ROWS", 500),
  core: {
    systems: intFromEnv("AIMS_BENCH_SYSTEMS", 2_000),
    risks: intFromEnv("AIMS_BENCH_RISKS", 50_000),
    evidenceLinks: intFromEnv("AIMS_BENCH_EVIDENCE_LINKS", 20_000),
  },
  importRows: intFromEnv("AIMS_BENCH_IMPORT_ROWS", 10_000),
  improve: {
    members: intFromEnv("AIMS_BENCH_IMPROVE_MEMBERS", 10_000),
    incidents: intFromEnv("AIMS_BENCH_INCIDENTS", 5_000),
    audits: intFromEnv("AIMS_BENCH_AUDITS", 200),
    reminders: intFromEnv("AIMS_BENCH_REMINDERS", 10_000),
  },
  operate: {
    incidents: intFromEnv("AIMS_BENCH_INCIDENTS", 5_000),
    observations: intFromEnv("AIMS_BENCH_OBSERVATIONS", 1_000_000),
  },
  otlp: {
    clients: intFromEnv("AIMS_BENCH_OTLP_CLIENTS", 4),
    seconds: intFromEnv("AIMS_BENCH_SECONDS", 10),
    batchSize: 512,
  },
  redteam: {
    cases: intFromEnv("AIMS_BENCH_REDTEAM_CASES", 1_000),
    concurrencies: [1, 8, 32],
    /** The second sweep's answer delay, like a fast hosted model. */
    latencyMs: intFromEnv("AIMS_BENCH_REDTEAM_LATENCY_MS", 20),
    /** AIMS_BENCH_PROMPTFOO=skip times our scanner only, without installing and running promptfoo. */
    promptfoo: process.env.AIMS_BENCH_PROMPTFOO !== "skip",
    /** An existing promptfoo install to reuse (default: a folder under the system's temp dir). */
    promptfooDir: process.env.AIMS_BENCH_PROMPTFOO_DIR,
  },
};
const runs = (part: string) => settings.parts.includes(part);
const coreResults: CoreResult[] = [];
const homeResults: HomeResult[] = [];
const operateResults: OperateResult[] = [];
const improveResults: ImproveResult[] = [];
const fanoutResults: ReminderFanoutResult[] = [];
const otlpResults: OtlpIntakeResult[] = [];

const cleanups: Array<() => Promise<void>> = [];
process.once("SIGINT", () => {
  void Promise.allSettled(cleanups.map((fn) => fn())).then(() => process.exit(130));
});

function intFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number.parseInt(value, 10) : fallback;
}

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

/** Seeds one engine, measures verification in-process, then HTTP against `aims serve` in its own process. */
async function benchEngine(
  engine: EngineResult["engine"],
  description: string,
  databaseUrl: string | undefined,
): Promise<EngineResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-${engine}-`));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  cleanups.push(removeDataDir);
  try {
    log(
      `[${engine}] seeding ${settings.members.toLocaleString("en")} members and ${settings.auditEntries.toLocaleString("en")} audit entries`,
    );
    const database = await openDatabase({ dataDir, databaseUrl, poolSize: 4 });
    let seeded: Awaited<ReturnType<typeof seedOrganization>>;
    let verify: EngineResult["verify"];
    try {
      await database.withSession(migrate);
      seeded = await seedOrganization(database, settings.members, settings.auditEntries);
      log(`[${engine}] seeded in ${seeded.seconds.toFixed(0)} s; verifying the chain`);
      verify = await measureVerify(database.db, seeded.orgId);
      log(
        `[${engine}] verified ${verify.entries.toLocaleString("en")} entries at ${verify.entriesPerSecond.toLocaleString("en")}/s`,
      );
    } finally {
      await database.close();
    }
    const server = await startServerProcess(dataDir, databaseUrl);
    const routes: RouteLoad[] = [];
    try {
      for (const path of [`/api/v1/orgs/${seeded.orgId}/members?limit=50`, "/api/v1/me"]) {
        log(`[${engine}] GET ${path} at ${settings.connections} connections for ${settings.seconds} s`);
        routes.push(await measureRoute(server.url, path, seeded.tokenSecret, settings.connections, settings.seconds));
      }
    } finally {
      await server.stop();
    }
    return { engine, description, seedSeconds: Math.round(seeded.seconds), verify, routes };
  } finally {
    await removeDataDir();
  }
}

const cpuList = cpus();
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? "unknown",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
  },
  settings,
  targets,
  web: measureInitialJs(),
  engines: [],
  skipped: {},
};

/** Every selected part on one engine. */
async function benchParts(engine: EngineResult["engine"], description: string, url: string | undefined) {
  if (runs("foundation")) results.engines.push(await benchEngine(engine, description, url));
  if (runs("core")) {
    const load = { connections: settings.connections, seconds: settings.seconds, importRows: settings.importRows };
    coreResults.push(await benchAimsCore(engine, url, settings.core, load, log));
  }
  if (runs("home")) homeResults.push(await benchHome(engine, url, settings.core, settings.seconds, log));
  if (runs("operate")) {
    const size = { ...settings.core, ...settings.operate };
    const load = { connections: settings.connections, seconds: settings.seconds };
    operateResults.push(await benchOperate(engine, url, size, load, log));
  }
  if (runs("improve")) {
    const size = { ...settings.core, ...settings.improve };
    improveResults.push(await benchImprove(engine, url, size, settings.seconds, log));
    fanoutResults.push(await benchReminderFanout(engine, url, log, settings.improve.reminders));
  }
  if (runs("otlp")) otlpResults.push(await benchOtlpIntake(engine, url, settings.otlp, log));
}

if (runs("foundation") || runs("core") || runs("home") || runs("operate") || runs("improve") || runs("otlp")) {
  await benchParts("pglite", "embedded PGlite in a temporary data directory", undefined);

  const postgres = await provisionPostgres();
  if ("skipped" in postgres) {
    results.skipped.postgres = postgres.skipped;
  } else {
    cleanups.push(postgres.dispose);
    try {
      log(`[postgres] using ${postgres.description}`);
      await benchParts("postgres", postgres.description, postgres.url);
    } finally {
      await postgres.dispose();
    }
  }
}
let lighthouseResult: LighthouseResult | undefined;
if (runs("lighthouse")) lighthouseResult = await benchLighthouse(undefined, settings.lighthouse, log);
let pdfExport: PdfExportResult | undefined;
if (runs("pdf")) pdfExport = await benchPdfExport(settings.pdfRows, log);
let redteam: RedteamBench | undefined;
if (runs("redteam")) redteam = await benchRedteam(settings.redteam, log);
let drift: DriftBenchResult | undefined;
if (runs("drift")) drift = await benchDrift(intFromEnv("AIMS_BENCH_DRIFT_ROWS", 10_000_000), log);
let markers: MarkerBenchResult | undefined;
if (runs("markers")) markers = benchAnomalyMarkers(intFromEnv("AIMS_BENCH_MARKER_SPANS", 50_000));
let modelScan: ModelScanBenchResult | undefined;
if (runs("modelscan"))
  modelScan = await benchModelScan(
    {
      safetensorsGb: intFromEnv("AIMS_BENCH_MODELSCAN_GB", 2),
      pickles: intFromEnv("AIMS_BENCH_MODELSCAN_PICKLES", 10_000),
    },
    log,
  );

let mcpGateway: GatewayBenchResult | undefined;
if (runs("mcp-gateway"))
  mcpGateway = await benchMcpGateway(intFromEnv("AIMS_BENCH_GATEWAY_CALLS", 5000), settings.seconds);

// "agent-decision-api": the decision API over HTTP, one caller, each decision logged with its audit entry.
const agentDecisionApi: AgentDecisionApiResult[] = runs("agent-decision-api")
  ? await benchAgentDecisionApiOnEngines(intFromEnv("AIMS_BENCH_DECISIONS", 3000), log)
  : [];

let agentDecisions: AgentDecisionBenchResult | undefined;
if (runs("agent-decisions")) agentDecisions = benchAgentDecisions(intFromEnv("AIMS_BENCH_AGENT_DECISIONS", 200_000));

let guard: GuardBenchResult | undefined;
if (runs("guard"))
  guard = benchGuard(intFromEnv("AIMS_BENCH_GUARD_TEXTS", 20_000), intFromEnv("AIMS_BENCH_GUARD_DECISIONS", 200_000));

if (results.engines.length > 0) process.stdout.write(`\n${formatTable(results)}\n`);
if (coreResults.length > 0) process.stdout.write(`\n${formatCoreTable(coreResults)}\n`);
if (homeResults.length > 0) process.stdout.write(`\n${formatHomeTable(homeResults)}\n`);
if (operateResults.length > 0) process.stdout.write(`\n${formatOperateTable(operateResults)}\n`);
if (improveResults.length > 0) process.stdout.write(`\n${formatImproveTable(improveResults)}\n`);
if (fanoutResults.length > 0) process.stdout.write(`\n${formatReminderFanoutTable(fanoutResults)}\n`);
if (otlpResults.length > 0) process.stdout.write(`\n${formatOtlpIntakeTable(otlpResults)}\n`);
if (lighthouseResult) process.stdout.write(`\n${formatLighthouseTable(lighthouseResult)}\n`);
if (pdfExport) process.stdout.write(`\n${formatPdfExportTable(pdfExport)}\n`);
if (redteam) process.stdout.write(`\n${formatRedteamTable(redteam)}\n`);
if (drift) process.stdout.write(`\n${formatDriftTable(drift)}\n`);
if (markers) process.stdout.write(`\n${formatAnomalyMarkersTable(markers)}\n`);
if (modelScan) process.stdout.write(`\n${formatModelScanTable(modelScan)}\n`);
if (mcpGateway) process.stdout.write(`\n${formatMcpGatewayTable(mcpGateway)}\n`);
if (agentDecisionApi.length > 0) process.stdout.write(`\n${formatAgentDecisionApiTable(agentDecisionApi)}\n`);
if (agentDecisions) process.stdout.write(`\n${formatAgentDecisionsTable(agentDecisions)}\n`);
if (guard) process.stdout.write(`\n${formatGuardTable(guard)}\n`);
const resultsDir = fileURLToPath(new URL("./results", import.meta.url));
await mkdir(resultsDir, { recursive: true });
await writeFile(
  join(resultsDir, "latest.json"),
  `${JSON.stringify({ ...results, core: coreResults, home: homeResults, operate: operateResults, improve: improveResults, reminderFanout: fanoutResults, otlpIntake: otlpResults, lighthouse: lighthouseResult, pdfExport, redteam, drift, anomalyMarkers: markers, modelScan, mcpGateway, agentDecisionApi, agentDecisions, guard }, null, 2)}\n`,
);
process.stdout.write(`\nWrote ${join(resultsDir, "latest.json")}\n`);
