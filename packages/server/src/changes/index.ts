import type { changeRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the change-control routes. */
export const changeHandlers: DomainHandlers<typeof changeRoutes> = {};
