/** Routes of the evidence module. */
export const evidenceRoutes = {} as const;
