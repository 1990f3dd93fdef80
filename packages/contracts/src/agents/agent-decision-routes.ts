/** Routes of agent decisions: the decision API, sessions, the approval queue and links, the decision log. */
export const agentDecisionRoutes = {};
