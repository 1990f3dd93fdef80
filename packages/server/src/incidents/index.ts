import type { incidentRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the incident and concern routes. */
export const incidentHandlers: DomainHandlers<typeof incidentRoutes> = {};
