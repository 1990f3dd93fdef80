import {
  AGENT_METRICS_EVERY_MS,
  AGENT_METRICS_JOB,
  APPROVAL_EXPIRY_EVERY_MS,
  APPROVAL_EXPIRY_JOB,
  agentDecisionJobHandlers,
} from "../agent-decisions/index.js";
import { ANOMALY_DETECTION_EVERY_MS, ANOMALY_DETECTION_JOB, anomalyJobHandlers } from "../anomalies/anomaly-jobs.js";
import { driftJobHandlers } from "../drift/drift-report-job.js";
import {
  MISSING_DATA_SWEEP_EVERY_MS,
  MISSING_DATA_SWEEP_JOB,
  monitoringJobHandlers,
} from "../monitoring/missing-data-job.js";
import { notificationJobHandlers } from "../notifications/notification-jobs.js";
import { REMINDER_SCAN_EVERY_MS, REMINDER_SCAN_JOB, reminderJobHandlers } from "../reminders/reminder-jobs.js";
import {
  TELEMETRY_RETENTION_EVERY_MS,
  TELEMETRY_RETENTION_JOB,
  telemetryJobHandlers,
} from "../telemetry/telemetry-retention-job.js";
import type { JobHandler } from "./job-types.js";
import { jobsJobHandlers, PRUNE_JOBS_EVERY_MS, PRUNE_JOBS_JOB } from "./prune-jobs.js";
import type { RecurringJob } from "./recurring-jobs.js";

/** Every kind of job a server runs, by kind. */
export const jobHandlers: Record<string, JobHandler> = {
  ...reminderJobHandlers,
  ...notificationJobHandlers,
  ...monitoringJobHandlers,
  ...driftJobHandlers,
  ...jobsJobHandlers,
  ...anomalyJobHandlers,
  ...telemetryJobHandlers,
  ...agentDecisionJobHandlers,
};

/**
 * Work every server schedules, one job per period. Reminders cover evidence expiry and reviews coming
 * due (document, impact assessment, AI system, risk and management reviews) as kinds of due item.
 */
export const recurringJobs: RecurringJob[] = [
  { kind: REMINDER_SCAN_JOB, everyMs: REMINDER_SCAN_EVERY_MS },
  { kind: MISSING_DATA_SWEEP_JOB, everyMs: MISSING_DATA_SWEEP_EVERY_MS },
  { kind: PRUNE_JOBS_JOB, everyMs: PRUNE_JOBS_EVERY_MS },
  { kind: ANOMALY_DETECTION_JOB, everyMs: ANOMALY_DETECTION_EVERY_MS },
  { kind: TELEMETRY_RETENTION_JOB, everyMs: TELEMETRY_RETENTION_EVERY_MS },
  { kind: APPROVAL_EXPIRY_JOB, everyMs: APPROVAL_EXPIRY_EVERY_MS },
  { kind: AGENT_METRICS_JOB, everyMs: AGENT_METRICS_EVERY_MS },
];
