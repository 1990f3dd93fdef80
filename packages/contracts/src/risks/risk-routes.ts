/** Routes of the risks module. */
export const riskRoutes = {} as const;
