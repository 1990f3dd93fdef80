import type { monitoringRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the monitoring routes. */
export const monitoringHandlers: DomainHandlers<typeof monitoringRoutes> = {};
