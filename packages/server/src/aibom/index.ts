import type { aibomRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the routes of AI bills of materials. */
export const aibomHandlers: DomainHandlers<typeof aibomRoutes> = {};
