import type { objectiveRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

export { objectivesAsOf } from "./objectives-as-of.js";

/** Handlers of the AI objective routes. */
export const objectiveHandlers: DomainHandlers<typeof objectiveRoutes> = {};
