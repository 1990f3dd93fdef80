import type { evidenceRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the evidence routes. */
export const evidenceHandlers: DomainHandlers<typeof evidenceRoutes> = {};
