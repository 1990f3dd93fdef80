/** Web paths of the agents module, below /o/:orgId. */
export const agentPath = (orgId: string, systemId: string) => `/o/${orgId}/agents/${systemId}`;
export const policyPath = (orgId: string, policyId: string) => `/o/${orgId}/agents/policies/${policyId}`;
export const versionPath = (orgId: string, policyId: string, versionId: string) =>
  `/o/${orgId}/agents/policies/${policyId}/versions/${versionId}`;
export const diffPath = (orgId: string, policyId: string, from?: string, to?: string) =>
  `/o/${orgId}/agents/policies/${policyId}/diff${from && to ? `?from=${from}&to=${to}` : ""}`;

/** A starting text for a new policy: every tool of the agent denied until someone decides. */
export function starterPolicy(toolNames: string[]): string {
  const tools = toolNames.length > 0 ? toolNames.map((name) => `  ${name}: deny`).join("\n") : "  {}";
  return `default: deny\ntools:${toolNames.length > 0 ? `\n${tools}` : " {}"}\nflows: []\n`;
}
