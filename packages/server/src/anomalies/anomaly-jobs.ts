import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { JobHandler } from "../jobs/job-types.js";
import { detectAnomalies } from "./detect-anomalies.js";
import { ANOMALY_CHECK_JOB } from "./schedule-anomaly-check.js";

/** The recurring job that runs anomaly detection on every organisation with recent telemetry. */
export const ANOMALY_DETECTION_JOB = "anomalies.detect";
/** How often it runs. */
export const ANOMALY_DETECTION_EVERY_MS = 60_000;

/** Organisations with telemetry in the last two hours. */
async function activeOrganisations(db: Kysely<Database>, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom("telemetry_rollups")
    .select("org_id")
    .distinct()
    .where("minute", ">=", new Date(now.getTime() - 2 * 3_600_000))
    .execute();
  return rows.map((row) => row.org_id);
}

/** Raising is deduplicated by the database, so a repeated or concurrent run raises nothing twice. */
const detectEverywhere: JobHandler = async (_job, { db }) => {
  const now = new Date();
  for (const orgId of await activeOrganisations(db, now)) await detectAnomalies(db, orgId, now);
};

/** A check the intake asked for after a batch with markers or refusals: one system, now. */
const checkOneSystem: JobHandler = async (job, { db }) => {
  const orgId = typeof job.payload.orgId === "string" ? job.payload.orgId : job.orgId;
  const systemId = typeof job.payload.systemId === "string" ? job.payload.systemId : undefined;
  if (!orgId || !systemId) return;
  await detectAnomalies(db, orgId, new Date(), { systemId });
};

/** Jobs of anomaly detection. */
export const anomalyJobHandlers: Record<string, JobHandler> = {
  [ANOMALY_DETECTION_JOB]: detectEverywhere,
  [ANOMALY_CHECK_JOB]: checkOneSystem,
};
