import { z } from "zod";
import { archiveRequestSchema, idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  acknowledgeAlertRequestSchema,
  alertListQuerySchema,
  alertSchema,
  metricChartSchema,
  resolveAlertRequestSchema,
} from "./alert-schemas.js";
import {
  createMetricRequestSchema,
  metricListQuerySchema,
  metricSchema,
  updateMetricRequestSchema,
} from "./metric-schemas.js";
import {
  chartQuerySchema,
  missingDataSweepSchema,
  OBSERVATION_BATCH_MAX_BYTES,
  pushObservationsRequestSchema,
  pushObservationsResponseSchema,
} from "./observation-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const metricParams = z.object({ orgId: idSchema, metricId: idSchema });
const alertParams = z.object({ orgId: idSchema, alertId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "monitoring";

/** Routes of monitoring: metric definitions, observations in batches, chart data and alerts. */
export const monitoringRoutes = {
  listMetrics: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/metrics",
    summary: "List metric definitions with their latest value and state, optionally of one AI system",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(metricListQuerySchema.shape),
    response: pageSchema(metricSchema),
  }),
  createMetric: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/metrics",
    summary: "Define a metric of an AI system: unit, direction, thresholds, cadence and alert rules",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createMetricRequestSchema,
    response: metricSchema,
    status: 201,
  }),
  getMetric: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/metrics/:metricId",
    summary: "Read a metric definition with its latest value and state",
    tag,
    access: read,
    write: false,
    params: metricParams,
    response: metricSchema,
  }),
  updateMetric: defineRoute({
    method: "PUT",
    path: "/api/v1/orgs/:orgId/metrics/:metricId",
    summary: "Change a metric's definition; its observations and alerts stay",
    tag,
    access: write,
    write: true,
    params: metricParams,
    body: updateMetricRequestSchema,
    response: metricSchema,
  }),
  archiveMetric: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/metrics/:metricId/archive",
    summary: "Archive a metric with a reason: it takes no more observations and raises no more alerts",
    tag,
    access: write,
    write: true,
    params: metricParams,
    body: archiveRequestSchema,
    response: metricSchema,
  }),
  getMetricChart: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/metrics/:metricId/chart",
    summary:
      "A metric's observations in a time range (the last 30 days unless given), downsampled to at most 1,000 points, with its thresholds and the alerts in that range",
    tag,
    access: read,
    write: false,
    params: metricParams,
    query: chartQuerySchema,
    response: metricChartSchema,
  }),
  pushObservations: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/observations",
    summary:
      "Record a batch of up to 10,000 observations of one AI system's metrics. All or nothing: a batch with any bad row is refused with every row's problem, and nothing is stored",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: pushObservationsRequestSchema,
    bodyLimit: OBSERVATION_BATCH_MAX_BYTES,
    response: pushObservationsResponseSchema,
    status: 201,
  }),
  sweepMissingData: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/metrics/sweep",
    summary:
      "Raise missing-data alerts now for metrics without an observation within their cadence (the server also does this every minute)",
    tag,
    access: write,
    write: true,
    params: orgParams,
    response: missingDataSweepSchema,
  }),
  listAlerts: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/alerts",
    summary: "List alerts, newest first, by system, metric, status or level",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(alertListQuerySchema.shape),
    response: pageSchema(alertSchema),
  }),
  getAlert: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/alerts/:alertId",
    summary: "Read an alert with the incidents opened from it",
    tag,
    access: read,
    write: false,
    params: alertParams,
    response: alertSchema,
  }),
  acknowledgeAlert: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/alerts/:alertId/acknowledge",
    summary: "Acknowledge an open alert: someone is looking at it",
    tag,
    access: write,
    write: true,
    params: alertParams,
    body: acknowledgeAlertRequestSchema,
    response: alertSchema,
  }),
  resolveAlert: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/alerts/:alertId/resolve",
    summary: "Resolve an alert with an optional note; the next breach raises a new one",
    tag,
    access: write,
    write: true,
    params: alertParams,
    body: resolveAlertRequestSchema,
    response: alertSchema,
  }),
} as const;
