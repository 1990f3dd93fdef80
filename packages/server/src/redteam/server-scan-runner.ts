import { uploadRedteamScanRequestSchema } from "@openaims/contracts";
import type { ScanConfig } from "@openaims/redteam";
import type { FastifyBaseLogger } from "fastify";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";
import type { ServerDeps } from "../http/handler-context.js";
import { recordScan } from "./record-scan.js";
import type { ScanSystem } from "./scan-system.js";

/** What the background run needs from the request that started it. */
export interface ServerScanJob {
  orgId: string;
  scanId: string;
  system: ScanSystem;
  membershipId: string;
  actor: AuditActor;
  requestId: string;
  config: ScanConfig;
  env: NodeJS.ProcessEnv;
}

/** A scan longer than this is stopped; what finished is kept as a partial scan. */
const MAX_RUN_MS = 30 * 60 * 1000;
const PROGRESS_EVERY_MS = 2000;
const summarySchema = uploadRedteamScanRequestSchema.shape.summary;

/** Scans this process is running, by scan id: one at a time, so a scan cannot starve the server. */
const running = new Map<string, { controller: AbortController; settled: Promise<void> }>();

export function serverScanRunning(): boolean {
  return running.size > 0;
}

/**
 * Stops every scan this process runs (server shutdown) and waits until each has recorded what it
 * finished as a partial scan, so nothing is lost when the database closes next.
 */
export async function abortServerScans(): Promise<void> {
  const runs = [...running.values()];
  for (const { controller } of runs) controller.abort();
  await Promise.allSettled(runs.map(({ settled }) => settled));
}

async function saveProgress(deps: ServerDeps, job: ServerScanJob, done: number, total: number): Promise<void> {
  await deps.db
    .updateTable("redteam_scans")
    .set({ progress_done: done, progress_total: total, updated_at: new Date() })
    .where("org_id", "=", job.orgId)
    .where("id", "=", job.scanId)
    .where("status", "=", "running")
    .execute();
}

async function recordFailure(deps: ServerDeps, job: ServerScanJob, startedAt: number, message: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const now = new Date();
    await tx
      .updateTable("redteam_scans")
      .set({
        status: "failed",
        problems: JSON.stringify([message]),
        finished_at: now,
        duration_ms: now.getTime() - startedAt,
        progress_done: null,
        progress_total: null,
        updated_at: now,
      })
      .where("org_id", "=", job.orgId)
      .where("id", "=", job.scanId)
      .execute();
    await appendAuditEntry(tx, {
      orgId: job.orgId,
      actor: job.actor,
      requestId: job.requestId,
      action: "redteam_scan.failed",
      entityType: "redteam_scan",
      entityId: job.scanId,
      changes: { status: { before: "running", after: "failed" }, problem: { before: null, after: message } },
    });
  });
}

/**
 * Runs a scan in the background after the request that started it has answered. Progress is saved
 * every few seconds; on completion the results go through the same `recordScan` as an upload, with
 * the transcript and HTML report stored content-addressed; a failure marks the scan failed. Never throws.
 */
export function startServerScan(deps: ServerDeps, job: ServerScanJob, log: FastifyBaseLogger): void {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), MAX_RUN_MS);
  const startedAt = Date.now();
  let lastProgress = 0;
  const run = async () => {
    // Loaded only when a scan runs: the scanner is not part of the server's start-up.
    const { scanInMemory } = await import("@openaims/redteam");
    const result = await scanInMemory({
      config: job.config,
      env: job.env,
      signal: controller.signal,
      onProgress: (done, total) => {
        if (Date.now() - lastProgress < PROGRESS_EVERY_MS && done < total) return;
        lastProgress = Date.now();
        saveProgress(deps, job, done, total).catch((error: unknown) =>
          log.warn({ error }, "red-team progress not saved"),
        );
      },
    });
    const summary = summarySchema.parse(result.summary);
    const transcript = await deps.blobs.put(result.transcript);
    const report = await deps.blobs.put(Buffer.from(result.html));
    log.info({ scanId: job.scanId, transcriptSha256: transcript.sha256 }, "red-team scan finished");
    await deps.db.transaction().execute((tx) =>
      recordScan(
        {
          tx,
          orgId: job.orgId,
          membershipId: job.membershipId,
          audit: (event) =>
            appendAuditEntry(tx, { ...event, orgId: job.orgId, actor: job.actor, requestId: job.requestId }),
        },
        { system: job.system, origin: "web", summary, report, runningScanId: job.scanId },
      ),
    );
  };
  const settled = run()
    .catch(async (error: unknown) => {
      log.error({ error, scanId: job.scanId }, "red-team scan failed");
      const message = error instanceof Error ? error.message.slice(0, 1000) : "The scan stopped with an unknown error.";
      await recordFailure(deps, job, startedAt, message);
    })
    .catch((error: unknown) => log.error({ error, scanId: job.scanId }, "red-team scan failure not recorded"))
    .finally(() => {
      clearTimeout(timer);
      running.delete(job.scanId);
    });
  running.set(job.scanId, { controller, settled });
}
