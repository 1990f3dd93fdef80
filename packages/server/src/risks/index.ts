import type { riskRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the risks routes. */
export const riskHandlers: DomainHandlers<typeof riskRoutes> = {};
