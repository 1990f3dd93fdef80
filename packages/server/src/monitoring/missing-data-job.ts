import type { JobHandler } from "../jobs/job-types.js";
import { sweepMissingData } from "./missing-data-sweep.js";

/** The recurring job that looks for metrics whose data stopped coming. */
export const MISSING_DATA_SWEEP_JOB = "monitoring.missing-data-sweep";
/** How often it runs. */
export const MISSING_DATA_SWEEP_EVERY_MS = 60_000;

/** Sweeps every organisation; raising is deduplicated by the database, so a repeated run raises nothing twice. */
const sweepEveryOrganisation: JobHandler = async (_job, { db }) => {
  await sweepMissingData(db, null, new Date(), (work) => db.transaction().execute(work), null);
};

/** Jobs of the monitoring module. */
export const monitoringJobHandlers: Record<string, JobHandler> = {
  [MISSING_DATA_SWEEP_JOB]: sweepEveryOrganisation,
};
