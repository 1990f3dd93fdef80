import type { licenceRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the routes of the licence policy. */
export const licenceHandlers: DomainHandlers<typeof licenceRoutes> = {};
