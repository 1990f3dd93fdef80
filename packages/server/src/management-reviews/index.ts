import type { managementReviewRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the management review routes. */
export const managementReviewHandlers: DomainHandlers<typeof managementReviewRoutes> = {};
