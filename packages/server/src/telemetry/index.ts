import type { telemetryRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the routes of the OpenTelemetry intake and its settings. */
export const telemetryHandlers: DomainHandlers<typeof telemetryRoutes> = {};
