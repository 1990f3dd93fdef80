/** Routes of the AI objectives (clause 6.2) module. */
export const objectiveRoutes = {} as const;
