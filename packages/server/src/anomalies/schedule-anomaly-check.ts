import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { enqueueJob } from "../jobs/enqueue-job.js";
import { slotKey, slotStart } from "../jobs/recurring-jobs.js";

/** The job that runs anomaly detection for one system soon after telemetry showed markers or refusals. */
export const ANOMALY_CHECK_JOB = "anomalies.check";
/** Checks asked for within one such period make one job, run at the period's end. */
export const ANOMALY_CHECK_COALESCE_MS = 5_000;

/**
 * Asks for anomaly detection on a system soon: the intake calls it after a batch with injection or
 * exfiltration markers or refusals. Every call within the same few seconds (any server, any batch)
 * makes one job, which runs when that period ends, so a burst spread over many batches is judged
 * once it is all written. Given a transaction, the job is committed with the batch or not at all.
 * True when this call created the job.
 */
export async function scheduleAnomalyCheck(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const slot = slotStart(ANOMALY_CHECK_COALESCE_MS, now);
  return enqueueJob(tx, {
    kind: ANOMALY_CHECK_JOB,
    key: `${systemId}@${slotKey(slot)}`,
    orgId,
    payload: { orgId, systemId },
    runAt: new Date(slot.getTime() + ANOMALY_CHECK_COALESCE_MS),
    maxAttempts: 3,
  });
}
