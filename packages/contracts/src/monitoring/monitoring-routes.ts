/** Routes of monitoring: metric definitions, observations in batches, chart data and alerts. */
export const monitoringRoutes = {} as const;
