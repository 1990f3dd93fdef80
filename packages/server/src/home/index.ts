import type { homeRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getHome } from "./home-handlers.js";

/** Handlers of the home dashboard route. */
export const homeHandlers: DomainHandlers<typeof homeRoutes> = { getHome };
