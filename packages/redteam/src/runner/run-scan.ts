/**
 * A whole scan: load packs, plan, run the cases through a paced target with a bounded number in
 * flight, and summarise. Results are stored by plan index, so the summary is identical at any
 * concurrency. Interruptions (a signal, an unreachable target) keep what has finished: the summary
 * says `complete: false` and why.
 */
import { createHash } from "node:crypto";
import { setMaxListeners } from "node:events";
import { loadPacks } from "../config/load-packs.js";
import type { ScanConfig } from "../config/scan-config.js";
import { type CaseResult, type Probe, type ScanSummary, SUMMARY_FORMAT, type TargetCapabilities } from "../model.js";
import type { TranscriptLine } from "../reports/transcript-writer.js";
import { countByCategory, countVerdicts } from "../summary/count-verdicts.js";
import { createTarget } from "../targets/create-target.js";
import { pacedTarget } from "../targets/request-pacer.js";
import { startTrapListener } from "../trap/trap-listener.js";
import { canonicalJson } from "./canonical-json.js";
import { llmJudge } from "./llm-judge.js";
import type { Plan, SkippedCase } from "./plan-cases.js";
import { planForTarget } from "./plan-scan.js";
import { type CaseExcerpt, fit, runCase } from "./run-case.js";
import { SCANNER_VERSION } from "./scanner-version.js";

export interface RunScanOptions {
  config: ScanConfig;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProgress?(done: number, total: number, latest: CaseResult): void;
  /** Receives every exchange as it completes (the transcript). */
  onExchange?(line: TranscriptLine): void;
}

export interface ScanRun {
  /** Everything but `artifacts`, which the caller fills once it has written the files. */
  summary: ScanSummary;
  excerpts: Map<string, CaseExcerpt>;
  /** The probes of the packs, for the reports' descriptions and remediation. */
  probes: Probe[];
}

export async function runScan(options: RunScanOptions): Promise<ScanRun> {
  const { config } = options;
  const env = options.env ?? process.env;
  const startedAt = new Date();
  const packs = await loadPacks(config.packs);
  const rawTarget = createTarget(config.target, env);
  const target = pacedTarget(rawTarget, {
    concurrency: config.concurrency,
    retries: config.target.retries,
    ...(config.target.requestsPerMinute ? { requestsPerMinute: config.target.requestsPerMinute } : {}),
  });
  const trap = await startTrapListener();
  const capabilities = rawTarget.capabilities();
  const problems: string[] = [];
  const results: Array<CaseResult | undefined> = [];
  const excerpts = new Map<string, CaseExcerpt>();
  let plan: Plan = { entries: [] };
  try {
    plan = planForTarget(
      config,
      packs.map(({ pack }) => pack),
      capabilities,
      env,
      (token) => trap.urlFor(token),
    );
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    // Every request in flight listens for the stop; there are as many as the concurrency allows.
    setMaxListeners(0, signal);
    const judge = config.judge ? llmJudge(config.judge, env) : undefined;
    let done = 0;
    let consecutiveFailures = 0;
    const runEntry = async (index: number) => {
      const entry = plan.entries[index];
      if (!entry) return;
      if (entry.kind === "skip") {
        results[index] = skippedResult(entry.skipped);
      } else {
        const { result, excerpt, failure } = await runCase(entry.planned, {
          seed: config.seed,
          target,
          controlsConversation: capabilities.controlsSystemPrompt,
          trapHits: (token) => trap.hits(token),
          trapReachable: onLoopback(capabilities),
          ...(options.onExchange ? { writeTranscript: options.onExchange } : {}),
          signal,
          ...(judge ? { judge } : {}),
        });
        if (signal.aborted && result.verdict === "error") return; // cut short: not a result
        results[index] = result;
        excerpts.set(result.caseId, excerpt);
        // Only a target that cannot be reached at all stops the run; throttling and refusals do not.
        consecutiveFailures = failure === "network" || failure === "timeout" ? consecutiveFailures + 1 : 0;
        if (consecutiveFailures >= config.stopAfterConsecutiveFailures && !stop.signal.aborted) {
          problems.push(
            `Stopped after ${consecutiveFailures} cases in a row could not reach the target (${result.note ?? "no answer"}).`,
          );
          stop.abort();
        }
      }
      done++;
      const latest = results[index];
      if (latest) options.onProgress?.(done, plan.entries.length, latest);
    };
    // Bursts (rate-limit probes) go last and one at a time, so they cannot throttle other cases.
    const bursts = plan.entries.flatMap((entry, index) =>
      entry.kind === "run" && entry.planned.burst > 0 ? [index] : [],
    );
    const burstSet = new Set(bursts);
    const others = plan.entries.flatMap((_, index) => (burstSet.has(index) ? [] : [index]));
    await runIndexes(others, config.concurrency, runEntry, signal);
    await runIndexes(bursts, 1, runEntry, signal);
    if (options.signal?.aborted) problems.push("The run was interrupted; the results are partial.");
  } finally {
    await Promise.allSettled([trap.close(), target.close()]);
  }

  const cases = results.filter((result): result is CaseResult => result !== undefined);
  const finishedAt = new Date();
  const summary: ScanSummary = {
    format: SUMMARY_FORMAT,
    scanner: { name: "openaims-redteam", version: SCANNER_VERSION },
    pack: packSummary(packs),
    configSha256: configHash(config),
    seed: config.seed,
    target: {
      ...capabilities,
      endpoint: fit(capabilities.endpoint, 2_048),
      ...(capabilities.model ? { model: fit(capabilities.model, 200) } : {}),
    },
    concurrency: config.concurrency,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    complete: cases.length === plan.entries.length && problems.length === 0,
    problems: problems.map((problem) => fit(problem, 4_000)),
    totals: countVerdicts(cases),
    byCategory: countByCategory(cases),
    cases,
    artifacts: [],
  };
  return { summary, excerpts, probes: packs.flatMap(({ pack }) => pack.probes) };
}

/** Whether the target runs on this machine (its address is loopback, or it is a local command). */
export function onLoopback(capabilities: TargetCapabilities): boolean {
  if (capabilities.kind === "command") return true;
  try {
    const host = new URL(capabilities.endpoint).hostname;
    return host === "localhost" || host === "[::1]" || /^127\./.test(host);
  } catch {
    return false;
  }
}

/** Runs `work` for each index with at most `concurrency` at once, until done or aborted. */
async function runIndexes(
  indexes: number[],
  concurrency: number,
  work: (index: number) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < indexes.length) await work(indexes[next++] as number);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, indexes.length) }, worker));
}

function skippedResult(skipped: SkippedCase): CaseResult {
  const { probe } = skipped;
  return {
    caseId: skipped.caseId,
    probeId: probe.id,
    variant: skipped.variant,
    title: fit(probe.title, 200),
    category: probe.category,
    severity: probe.severity,
    tags: probe.tags,
    verdict: "inconclusive",
    detectors: [],
    refused: false,
    note: skipped.reason,
    exchanges: 0,
    targetLatencyMs: 0,
  };
}

function packSummary(packs: Awaited<ReturnType<typeof loadPacks>>): ScanSummary["pack"] {
  const [first] = packs;
  if (packs.length === 1 && first)
    return { id: first.pack.id, version: first.pack.version, sha256: first.sha256, probes: first.pack.probes.length };
  return {
    id: packs.map(({ pack }) => pack.id).join("+"),
    version: packs.map(({ pack }) => pack.version).join("+"),
    sha256: createHash("sha256")
      .update(packs.map(({ sha256 }) => sha256).join("\n"))
      .digest("hex"),
    probes: packs.reduce((sum, { pack }) => sum + pack.probes.length, 0),
  };
}

/**
 * The configuration's hash, with secret values replaced by their own hashes: two runs with the same
 * settings hash the same, and the summary never carries a secret.
 */
export function configHash(config: ScanConfig): string {
  const hashValue = (value: string) => `sha256:${createHash("sha256").update(value).digest("hex")}`;
  const secrets = config.target.secrets
    ? Object.fromEntries(Object.entries(config.target.secrets).map(([name, value]) => [name, hashValue(value)]))
    : undefined;
  return createHash("sha256")
    .update(canonicalJson({ ...config, target: { ...config.target, secrets } }))
    .digest("hex");
}
