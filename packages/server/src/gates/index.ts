import type { gateRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the release-gate routes. */
export const gateHandlers: DomainHandlers<typeof gateRoutes> = {};
