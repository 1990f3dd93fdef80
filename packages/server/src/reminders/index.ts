import type { reminderRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getJobSummary } from "../jobs/job-summary.js";
import { listReminders, scanReminders } from "./reminder-handlers.js";

/** Handlers of the reminder routes, and the summary of the job machinery that raises them. */
export const reminderHandlers: DomainHandlers<typeof reminderRoutes> = {
  scanReminders,
  listReminders,
  getJobSummary,
};
