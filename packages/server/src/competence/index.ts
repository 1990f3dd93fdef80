import type { competenceRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

export { trainingCoverageAsOf } from "./training-coverage-as-of.js";

/** Handlers of the competence and awareness routes. */
export const competenceHandlers: DomainHandlers<typeof competenceRoutes> = {};
