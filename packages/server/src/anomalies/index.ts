import type { anomalyRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the routes of runtime anomaly detection. */
export const anomalyHandlers: DomainHandlers<typeof anomalyRoutes> = {};
