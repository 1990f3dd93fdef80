/** Routes of agent action policies: versions, approval, diff, replay tests, and tool action classes. */
export const agentPolicyRoutes = {};
