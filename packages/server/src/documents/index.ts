import type { documentRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the documents routes. */
export const documentHandlers: DomainHandlers<typeof documentRoutes> = {};
