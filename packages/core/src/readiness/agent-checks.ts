import type { ReadinessCheck, SystemFacts } from "./readiness-types.js";

/**
 * The agent check of one AI system: an agent in deployment or operation acts by an approved action
 * policy (its own or the organisation default); without one every action is denied, or, worse, the
 * agent runs ungoverned. Systems that are not agents, or not yet deployed, have no such check.
 */
export function agentChecks(system: SystemFacts): ReadinessCheck[] {
  const agent = system.agent;
  if (!agent?.live) return [];
  const key = "agent-policy";
  const label = "Approved agent action policy";
  if (agent.hasApprovedPolicy) return [{ key, label, met: true }];
  return [
    {
      key,
      label,
      met: false,
      gap: {
        action: `Approve an action policy for ${system.name}: it is an agent in deployment or operation`,
        path: `agents/${system.id}`,
        severity: "high",
        group: {
          key: "approve-agent-policies",
          action: "Approve an action policy for every agent in deployment or operation",
          path: "agents",
          step: "operation",
        },
      },
    },
  ];
}
