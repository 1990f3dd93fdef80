import type { internalAuditRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the internal audit routes. */
export const internalAuditHandlers: DomainHandlers<typeof internalAuditRoutes> = {};
