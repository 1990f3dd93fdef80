/** Routes of the OpenTelemetry intake and its settings. */
export const telemetryRoutes = {} as const;
