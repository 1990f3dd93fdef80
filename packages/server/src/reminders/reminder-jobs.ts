import { enqueueJobs } from "../jobs/enqueue-job.js";
import type { JobHandler } from "../jobs/job-types.js";
import { PermanentJobError } from "../jobs/job-types.js";
import { utcDay } from "./reminder-occasion.js";
import { scanOrgReminders } from "./scan-reminders.js";

/** The recurring job that starts a reminder scan of every organisation. */
export const REMINDER_SCAN_JOB = "reminders.scan";
/** One organisation's scan of one slot. */
export const REMINDER_SCAN_ORG_JOB = "reminders.scan-org";
/** How often reminders are looked for. */
export const REMINDER_SCAN_EVERY_MS = 5 * 60_000;

/**
 * Fans a slot's scan out into one job per organisation (key `<org id>@<slot>`), so that servers share
 * the organisations between them and one organisation's failure is retried on its own.
 */
const scanAllOrganisations: JobHandler = async (job, { db }) => {
  const slot = typeof job.payload.slot === "string" ? job.payload.slot : new Date().toISOString();
  const orgs = await db.selectFrom("organizations").select("id").where("archived_at", "is", null).execute();
  await enqueueJobs(
    db,
    orgs.map((org) => ({
      kind: REMINDER_SCAN_ORG_JOB,
      key: `${org.id}@${job.key}`,
      orgId: org.id,
      payload: { today: utcDay(new Date(slot)) },
      maxAttempts: 3,
    })),
  );
};

/** Raises and delivers the organisation's reminders; a repeated run raises nothing twice. */
const scanOneOrganisation: JobHandler = async (job, { db }) => {
  const today = job.payload.today;
  if (job.orgId === null || typeof today !== "string") {
    throw new PermanentJobError("A reminder scan job needs an organisation and the day to judge by");
  }
  await scanOrgReminders(db, job.orgId, today, (work) => db.transaction().execute(work));
};

/** Jobs that find what is due and raise reminders, and the other scheduled sweeps. */
export const reminderJobHandlers: Record<string, JobHandler> = {
  [REMINDER_SCAN_JOB]: scanAllOrganisations,
  [REMINDER_SCAN_ORG_JOB]: scanOneOrganisation,
};
