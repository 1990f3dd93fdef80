/** Routes of runtime anomaly detection. */
export const anomalyRoutes = {} as const;
