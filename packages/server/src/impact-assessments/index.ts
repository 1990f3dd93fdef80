import type { impactAssessmentRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the impact assessments routes. */
export const impactAssessmentHandlers: DomainHandlers<typeof impactAssessmentRoutes> = {};
