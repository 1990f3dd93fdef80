import type { JobHandler } from "../jobs/job-types.js";

/** Jobs that deliver notifications: reminder e-mail and webhook calls. */
export const notificationJobHandlers: Record<string, JobHandler> = {};
