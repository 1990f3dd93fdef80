import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { jobSummarySchema, reminderListQuerySchema, reminderScanSchema, reminderSchema } from "./reminder-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const auditRead = { kind: "org", permission: "audit_trail.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "reminders";

/** Routes of the scheduled reminders module. */
export const reminderRoutes = {
  scanReminders: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/reminders/scan",
    summary:
      "Raise reminders now for everything due in this organisation (servers also do this every few minutes); returns how many were raised",
    tag,
    access: write,
    write: true,
    params: orgParams,
    response: reminderScanSchema,
  }),
  listReminders: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/reminders",
    summary: "List the reminders raised in this organisation, newest first, by member or kind",
    tag,
    access: auditRead,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(reminderListQuerySchema.shape),
    response: pageSchema(reminderSchema),
  }),
  getJobSummary: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/jobs/summary",
    summary:
      "How the organisation's scheduled work stands: jobs by kind and status, jobs given up with their last error, and when each recurring sweep last ran",
    tag,
    access: auditRead,
    write: false,
    params: orgParams,
    response: jobSummarySchema,
  }),
} as const;
