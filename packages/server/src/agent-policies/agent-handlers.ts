import type { AgentPolicyStatus, AgentSummary, EffectivePolicySource, Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import {
  type AgentSystem,
  type AgentTool,
  findAgentSystem,
  findAgentTools,
  listAgentSystems,
} from "./agent-queries.js";
import { loadEffectivePolicy } from "./effective-policy.js";
import { loadPolicyStatuses, NO_POLICY_STATUS } from "./policy-queries.js";

export const listAgents: Handler<Routes["listAgents"]> = async ({ tx, org }) => {
  const agents = await listAgentSystems(tx, org.orgId);
  const [tools, statuses] = await Promise.all([
    findAgentTools(
      tx,
      org.orgId,
      agents.map((agent) => agent.id),
    ),
    loadPolicyStatuses(tx, org.orgId),
  ]);
  const organisationDefault = statuses.get("default") ?? NO_POLICY_STATUS;
  return {
    items: agents.map((agent) =>
      presentAgent(agent, tools.get(agent.id) ?? [], statuses.get(agent.id) ?? NO_POLICY_STATUS, organisationDefault),
    ),
    organisationDefault,
  };
};

export const getAgent: Handler<Routes["getAgent"]> = async ({ tx, org, input }) => {
  const agent = await findAgentSystem(tx, org.orgId, input.params.systemId);
  const [tools, statuses] = await Promise.all([
    findAgentTools(tx, org.orgId, [agent.id]),
    loadPolicyStatuses(tx, org.orgId),
  ]);
  const organisationDefault = statuses.get("default") ?? NO_POLICY_STATUS;
  return {
    ...presentAgent(agent, tools.get(agent.id) ?? [], statuses.get(agent.id) ?? NO_POLICY_STATUS, organisationDefault),
    organisationDefault,
  };
};

export const getAgentEffectivePolicy: Handler<Routes["getAgentEffectivePolicy"]> = async ({ tx, org, input }) => {
  const agent = await findAgentSystem(tx, org.orgId, input.params.systemId);
  const effective = await loadEffectivePolicy(tx, org.orgId, agent.id);
  return {
    versionId: effective.versionId,
    sha256: effective.sha256,
    source: effective.source,
    document: effective.document,
    toolClasses: effective.toolClasses,
  };
};

function presentAgent(
  agent: AgentSystem,
  tools: AgentTool[],
  policy: AgentPolicyStatus,
  organisationDefault: AgentPolicyStatus,
): AgentSummary {
  const effectiveSource: EffectivePolicySource = policy.approvedVersionId
    ? "agent"
    : organisationDefault.approvedVersionId
      ? "organisation"
      : "none";
  return {
    id: agent.id,
    slug: agent.slug,
    name: agent.name,
    lifecycleStage: agent.lifecycleStage,
    tools,
    policy,
    effectiveSource,
  };
}
