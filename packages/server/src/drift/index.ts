import type { driftRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the routes of drift reports and the data samples they compare. */
export const driftHandlers: DomainHandlers<typeof driftRoutes> = {};
