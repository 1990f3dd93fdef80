import type { monitoringRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { acknowledgeAlert, getAlert, listAlerts, resolveAlert } from "./alert-handlers.js";
import { getMetricChart } from "./metric-chart.js";
import { archiveMetric, createMetric, getMetric, listMetrics, updateMetric } from "./metric-handlers.js";
import { sweepMissingDataNow } from "./missing-data-sweep.js";
import { pushObservations } from "./push-observations.js";

export { monitoringJobHandlers } from "./missing-data-job.js";

/** Handlers of the monitoring routes. */
export const monitoringHandlers: DomainHandlers<typeof monitoringRoutes> = {
  listMetrics,
  createMetric,
  getMetric,
  updateMetric,
  archiveMetric,
  getMetricChart,
  pushObservations,
  sweepMissingData: sweepMissingDataNow,
  listAlerts,
  getAlert,
  acknowledgeAlert,
  resolveAlert,
};
