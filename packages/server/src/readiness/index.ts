import type { readinessRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getCertificationPath, getReadiness } from "./readiness-handlers.js";

/** Handlers of the readiness routes. */
export const readinessHandlers: DomainHandlers<typeof readinessRoutes> = { getReadiness, getCertificationPath };
