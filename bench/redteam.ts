/**
 * The red-team scanner against the reference app on loopback: 1,000 cases at concurrency 1, 8 and
 * 32 (wall time, cases/s, peak memory, efficiency against the ideal of summed target latency divided
 * by concurrency), then the same 1,000 rule-checked cases through promptfoo, installed in a temp
 * folder with Node >= 22 from the npm `node` package, against the same app in the same run.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parseScanConfig, planScan, toPromptfooConfig } from "@openaims/redteam";
import { alignColumns } from "./report.js";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const appScript = join(repoRoot, "examples/vulnerable-ai-app/server.mjs");
const aimsScript = join(repoRoot, "packages/cli/dist/aims.js");
/** The promptfoo release the comparison installs (pinned so runs compare like with like). */
const PROMPTFOO_VERSION = "0.123.1";

export const redteamTargets = { speedupOverPromptfoo: 10, efficiency: 0.8 };

export interface ConcurrencyRun {
  concurrency: number;
  wallMs: number;
  casesPerSecond: number;
  exchanges: number;
  /** Summed target latency as the scanner's timers saw it (its own event-loop delays included). */
  targetLatencyMs: number;
  /** Summed time the reference app spent serving the scan's requests, measured by the app. */
  targetServiceMs: number;
  /** Chat requests the app answered during the scan. */
  targetRequests: number;
  /** Summed target service time divided by concurrency: the wall time of a scanner with no overhead. */
  idealMs: number;
  efficiency: number;
  peakRssMb: number;
  vulnerable: number;
  errors: number;
  resultsSha256: string;
}

export interface ProcessRun {
  tool: "openaims" | "promptfoo";
  wallMs: number;
  casesPerSecond: number;
  /** Start and exit without work (`--version`), measured separately. */
  startupMs?: number;
  note: string;
}

export interface RedteamBench {
  cases: number;
  runs: ConcurrencyRun[];
  /** The same sweep against the app answering after a fixed delay, as a hosted model would. */
  latencyMs: number;
  runsWithLatency: ConcurrencyRun[];
  /** Same seed, same verdicts at every concurrency. */
  identicalAcrossConcurrency: boolean;
  comparison: ProcessRun[];
  promptfooSkipped?: string;
  speedup?: number;
}

export async function benchRedteam(
  settings: { cases: number; concurrencies: number[]; latencyMs: number; promptfoo: boolean; promptfooDir?: string },
  log: (message: string) => void,
): Promise<RedteamBench> {
  const app = await startReferenceApp();
  try {
    // Only probes an OpenAI-compatible target can run, so every one of the cases is sent by both tools.
    const probes = await runnableProbes(app.url);
    const runs: ConcurrencyRun[] = [];
    for (const concurrency of settings.concurrencies) {
      log(`[redteam] ${settings.cases} cases at concurrency ${concurrency}`);
      runs.push(await measureScan(app.url, concurrency, settings.cases, probes));
    }
    const runsWithLatency: ConcurrencyRun[] = [];
    const slow = await startReferenceApp(settings.latencyMs);
    try {
      for (const concurrency of settings.concurrencies) {
        log(`[redteam] ${settings.cases} cases at concurrency ${concurrency}, ${settings.latencyMs} ms per answer`);
        runsWithLatency.push(await measureScan(slow.url, concurrency, settings.cases, probes));
      }
    } finally {
      await slow.stop();
    }
    const identicalAcrossConcurrency = new Set([...runs, ...runsWithLatency].map((r) => r.resultsSha256)).size === 1;
    const concurrency = Math.max(...settings.concurrencies);
    const comparison: ProcessRun[] = [await timeOurCli(app.url, concurrency, settings.cases, probes, log)];
    const result: RedteamBench = {
      cases: settings.cases,
      runs,
      latencyMs: settings.latencyMs,
      runsWithLatency,
      identicalAcrossConcurrency,
      comparison,
    };
    const promptfoo = settings.promptfoo
      ? await timePromptfoo(app.url, concurrency, settings.cases, probes, settings.promptfooDir, log)
      : { skipped: "AIMS_BENCH_PROMPTFOO=skip" };
    if ("skipped" in promptfoo) result.promptfooSkipped = promptfoo.skipped;
    else {
      comparison.push(promptfoo);
      result.speedup = (comparison[0]?.casesPerSecond ?? 0) / promptfoo.casesPerSecond;
    }
    return result;
  } finally {
    await app.stop();
  }
}

async function startReferenceApp(latencyMs = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const args = [appScript, "--port", "0", "--latency", String(latencyMs)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the reference app exited with ${code}: ${output}`)));
  });
  return { url, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The default pack's probes that run against an OpenAI-compatible target without further configuration. */
async function runnableProbes(appUrl: string): Promise<string[]> {
  const planned = await planScan(
    parseScanConfig({ target: { type: "openai", url: `${appUrl}/v1`, model: "reference" } }),
  );
  return [...new Set(planned.map((c) => c.probe.id))];
}

async function measureScan(
  appUrl: string,
  concurrency: number,
  cases: number,
  probes: string[],
): Promise<ConcurrencyRun> {
  const args = JSON.stringify({ url: `${appUrl}/v1`, concurrency, cases, probes, seed: 7 });
  const before = await targetStats(appUrl);
  const { stdout } = await run(process.execPath, ["--import", "tsx", join(repoRoot, "bench/redteam-child.ts"), args], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const measured = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as {
    wallMs: number;
    targetLatencyMs: number;
    exchanges: number;
    cases: number;
    vulnerable: number;
    errors: number;
    peakRssMb: number;
    resultDigest: string;
  };
  const after = await targetStats(appUrl);
  // The target's own service time, measured by the app: the scanner's timers would count its own
  // event-loop delays as target latency and hide them from the efficiency figure.
  const targetServiceMs = after.serviceMs - before.serviceMs;
  const idealMs = targetServiceMs / concurrency;
  return {
    concurrency,
    wallMs: measured.wallMs,
    casesPerSecond: (measured.cases / measured.wallMs) * 1000,
    exchanges: measured.exchanges,
    targetLatencyMs: measured.targetLatencyMs,
    targetServiceMs,
    targetRequests: after.chatRequests - before.chatRequests,
    idealMs,
    efficiency: idealMs / measured.wallMs,
    peakRssMb: measured.peakRssMb,
    vulnerable: measured.vulnerable,
    errors: measured.errors,
    resultsSha256: createHash("sha256").update(measured.resultDigest).digest("hex"),
  };
}

/** The reference app's count of chat requests and the milliseconds it spent serving them. */
async function targetStats(appUrl: string): Promise<{ chatRequests: number; serviceMs: number }> {
  const response = await fetch(`${appUrl}/__stats`);
  if (!response.ok) throw new Error(`the reference app answered ${response.status} to GET /__stats`);
  return (await response.json()) as { chatRequests: number; serviceMs: number };
}

/** `aims redteam` as a whole process, timed like promptfoo: start to exit, reports included. */
async function timeOurCli(
  appUrl: string,
  concurrency: number,
  cases: number,
  probes: string[],
  log: (m: string) => void,
): Promise<ProcessRun> {
  const outDir = await mkdtemp(join(tmpdir(), "aims-bench-redteam-"));
  try {
    log(`[redteam] aims redteam as a process, ${cases} cases at concurrency ${concurrency}`);
    const startupMs = await timeCommand(process.execPath, [aimsScript, "redteam", "--help"], process.env);
    const started = performance.now();
    await run(process.execPath, [
      aimsScript,
      "redteam",
      "--target",
      `openai:${appUrl}/v1`,
      "--model",
      "reference",
      "--seed",
      "7",
      "--concurrency",
      String(concurrency),
      "--repeat",
      "1000",
      "--max-cases",
      String(cases),
      "--out-dir",
      outDir,
      "--probe",
      ...probes,
    ]);
    const wallMs = performance.now() - started;
    return {
      tool: "openaims",
      wallMs,
      casesPerSecond: (cases / wallMs) * 1000,
      startupMs,
      note: `all reports written; starting takes ${fixed(startupMs)} ms`,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function timePromptfoo(
  appUrl: string,
  concurrency: number,
  cases: number,
  probes: string[],
  dir: string | undefined,
  log: (m: string) => void,
): Promise<ProcessRun | { skipped: string }> {
  const installDir = dir ?? join(tmpdir(), "openaims-bench-promptfoo");
  const nodeBinary = join(installDir, "node_modules/node/bin/node");
  const promptfooMain = join(installDir, "node_modules/promptfoo/dist/src/main.js");
  if (!existsSync(nodeBinary) || !existsSync(promptfooMain)) {
    log(`[redteam] installing promptfoo ${PROMPTFOO_VERSION} and Node 22 into ${installDir} (once; several minutes)`);
    await mkdir(installDir, { recursive: true });
    await writeFile(join(installDir, "package.json"), '{ "name": "promptfoo-bench", "private": true }\n');
    try {
      await run("npm", ["install", "--no-audit", "--no-fund", `promptfoo@${PROMPTFOO_VERSION}`, "node@22"], {
        cwd: installDir,
        timeout: 20 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      return { skipped: `promptfoo could not be installed: ${(error as Error).message.split("\n")[0]}` };
    }
    if (!existsSync(promptfooMain)) return { skipped: `promptfoo installed without ${promptfooMain}` };
  }
  const work = await mkdtemp(join(tmpdir(), "aims-bench-promptfoo-"));
  try {
    const config = parseScanConfig({
      target: { type: "openai", url: `${appUrl}/v1`, model: "reference" },
      seed: 7,
      repeat: 1000,
      maxCases: cases,
      probes,
    });
    const planned = await planScan(config);
    const startup = await timeCommand(nodeBinary, [promptfooMain, "--version"], promptfooEnv(work));
    const configFile = join(work, "promptfooconfig.yaml");
    await writeFile(configFile, toPromptfooConfig(planned, { url: `${appUrl}/v1`, model: "reference" }));
    log(`[redteam] promptfoo eval of ${planned.length} cases at concurrency ${concurrency}`);
    const started = performance.now();
    const outFile = join(work, "results.json");
    await run(
      nodeBinary,
      [
        promptfooMain,
        "eval",
        "-c",
        configFile,
        "-j",
        String(concurrency),
        "--no-cache",
        "--no-progress-bar",
        "-o",
        outFile,
      ],
      {
        cwd: work,
        timeout: 30 * 60_000,
        maxBuffer: 256 * 1024 * 1024,
        env: promptfooEnv(work),
      },
    ).catch((error: { code?: number; stdout?: string }) => {
      // promptfoo exits 100 when assertions fail, which is the point here.
      if (error.code !== 100) throw error;
    });
    const wallMs = performance.now() - started;
    const output = JSON.parse(await readFile(outFile, "utf8")) as {
      results?: { stats?: { successes: number; failures: number; errors: number } };
    };
    const stats = output.results?.stats;
    return {
      tool: "promptfoo",
      wallMs,
      casesPerSecond: (planned.length / wallMs) * 1000,
      startupMs: startup,
      note: `${stats ? `${stats.failures} failed assertions, ${stats.errors} errors` : "no stats in the output"}; starting takes ${fixed(startup)} ms`,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function promptfooEnv(work: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    OPENAI_API_KEY: "not-needed",
    PROMPTFOO_DISABLE_TELEMETRY: "1",
    PROMPTFOO_DISABLE_UPDATE: "1",
    PROMPTFOO_CONFIG_DIR: join(work, ".promptfoo"),
  };
}

/** Wall time of a command that only starts and exits (`--version`): the fixed cost of a run. */
async function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  await run(command, args, { env });
  return performance.now() - started;
}

const fixed = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One concurrency sweep as aligned rows, under a heading. */
function sweepTable(runs: ConcurrencyRun[], heading: string): string[] {
  const rows = [
    [
      "concurrency",
      "wall",
      "cases/s",
      "ideal",
      "efficiency",
      "ideal by scanner timers",
      "peak RSS",
      "vulnerable",
      "errors",
    ],
  ];
  for (const r of runs)
    rows.push([
      String(r.concurrency),
      `${fixed(r.wallMs)} ms`,
      fixed(r.casesPerSecond),
      `${fixed(r.idealMs)} ms`,
      `${fixed(r.efficiency * 100, 1)} %${r.efficiency < redteamTargets.efficiency ? " (below 80 %)" : ""}`,
      `${fixed(r.targetLatencyMs / r.concurrency)} ms`,
      `${fixed(r.peakRssMb)} MB`,
      String(r.vulnerable),
      String(r.errors),
    ]);
  return [`The app ${heading}:`, ...alignColumns(rows)];
}

/** The results as tables for the terminal. */
export function formatRedteamTable(result: RedteamBench): string {
  const lines = [
    `Red-team scanner, ${result.cases} cases against the reference app on loopback`,
    ...sweepTable(result.runs, "answering at once"),
    "",
    ...sweepTable(result.runsWithLatency, `answering after ${result.latencyMs} ms`),
  ];
  lines.push(`Same verdicts at every concurrency and latency: ${result.identicalAcrossConcurrency ? "yes" : "NO"}`);
  const comparison = [["whole process", "wall", "cases/s", "note"]];
  for (const p of result.comparison)
    comparison.push([p.tool, `${fixed(p.wallMs)} ms`, fixed(p.casesPerSecond, 1), p.note]);
  lines.push("", ...alignColumns(comparison));
  if (result.promptfooSkipped) lines.push(`promptfoo skipped: ${result.promptfooSkipped}`);
  const [ours, theirs] = result.comparison;
  if (ours?.startupMs !== undefined && theirs?.startupMs !== undefined) {
    const steady = (p: ProcessRun) => result.cases / (p.wallMs - (p.startupMs ?? 0));
    lines.push(`Throughput without start-up time: ${fixed(steady(ours) / steady(theirs), 1)}x`);
  }
  if (result.speedup !== undefined)
    lines.push(
      `Throughput over promptfoo: ${fixed(result.speedup, 1)}x (target >= ${redteamTargets.speedupOverPromptfoo}x)` +
        `${result.speedup < redteamTargets.speedupOverPromptfoo ? " MISSED" : ""}`,
    );
  return lines.join("\n");
}
