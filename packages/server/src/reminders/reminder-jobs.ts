import type { JobHandler } from "../jobs/job-types.js";

/** Jobs that find what is due and raise reminders, and the other scheduled sweeps. */
export const reminderJobHandlers: Record<string, JobHandler> = {};
