import type { telemetryRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import {
  createTelemetryPrice,
  deleteTelemetryPrice,
  listTelemetryPrices,
  updateTelemetryPrice,
} from "./price-handlers.js";
import {
  getSystemTelemetrySettings,
  getTelemetrySettings,
  updateSystemTelemetrySettings,
  updateTelemetrySettings,
} from "./settings-handlers.js";
import { listSystemContent, listSystemSpans } from "./span-handlers.js";
import { getSystemTelemetrySummary, listTelemetrySystems } from "./summary-handlers.js";

/** Handlers of the routes of the OpenTelemetry intake's settings and what it collected. */
export const telemetryHandlers: DomainHandlers<typeof telemetryRoutes> = {
  getTelemetrySettings,
  updateTelemetrySettings,
  listTelemetrySystems,
  getSystemTelemetrySettings,
  updateSystemTelemetrySettings,
  listTelemetryPrices,
  createTelemetryPrice,
  updateTelemetryPrice,
  deleteTelemetryPrice,
  getSystemTelemetrySummary,
  listSystemSpans,
  listSystemContent,
};
