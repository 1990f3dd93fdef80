import type { competenceRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of the competence and awareness routes. */
export const competenceHandlers: DomainHandlers<typeof competenceRoutes> = {};
