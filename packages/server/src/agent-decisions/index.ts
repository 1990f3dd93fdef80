import type { agentDecisionRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of agent decisions: the decision API, the approval queue and links, the decision log. */
export const agentDecisionHandlers: DomainHandlers<typeof agentDecisionRoutes> = {};
