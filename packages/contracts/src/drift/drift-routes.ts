/** Routes of drift reports and the data samples they compare. */
export const driftRoutes = {} as const;
