/** Routes of release gates: checklists, checks, decisions, sign-offs and signed release attestations. */
export const gateRoutes = {} as const;
