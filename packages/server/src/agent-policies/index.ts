import type { agentPolicyRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";

/** Handlers of agent action policies: versions, approval, diff and replay tests. */
export const agentPolicyHandlers: DomainHandlers<typeof agentPolicyRoutes> = {};
