import type { agentPolicyRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { getAgent, getAgentEffectivePolicy, listAgents } from "./agent-handlers.js";
import { createAgentPolicy, getAgentPolicy, listAgentPolicies } from "./policy-handlers.js";
import { diffAgentPolicyVersions, testAgentPolicyVersion } from "./policy-test-handlers.js";
import {
  approveAgentPolicyVersion,
  createAgentPolicyVersion,
  updateAgentPolicyVersion,
  validateAgentPolicy,
  withdrawAgentPolicyVersion,
} from "./policy-version-handlers.js";

/** Handlers of agent action policies: versions, approval, diff and replay tests. */
export const agentPolicyHandlers: DomainHandlers<typeof agentPolicyRoutes> = {
  listAgents,
  getAgent,
  getAgentEffectivePolicy,
  listAgentPolicies,
  createAgentPolicy,
  validateAgentPolicy,
  getAgentPolicy,
  createAgentPolicyVersion,
  updateAgentPolicyVersion,
  approveAgentPolicyVersion,
  withdrawAgentPolicyVersion,
  diffAgentPolicyVersions,
  testAgentPolicyVersion,
};
