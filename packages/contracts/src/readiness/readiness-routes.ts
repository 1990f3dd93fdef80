/** Routes of the readiness module. */
export const readinessRoutes = {} as const;
