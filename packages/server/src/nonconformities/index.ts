import type { nonconformityRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the nonconformity, corrective-action and improvement routes. */
export const nonconformityHandlers: DomainHandlers<typeof nonconformityRoutes> = {};
