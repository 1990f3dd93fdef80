import type { controlRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the controls routes. */
export const controlHandlers: DomainHandlers<typeof controlRoutes> = {};
