import { notificationJobHandlers } from "../notifications/notification-jobs.js";
import { reminderJobHandlers } from "../reminders/reminder-jobs.js";
import type { JobHandler } from "./job-types.js";

/** Every kind of job a server runs, by kind. */
export const jobHandlers: Record<string, JobHandler> = {
  ...reminderJobHandlers,
  ...notificationJobHandlers,
};
