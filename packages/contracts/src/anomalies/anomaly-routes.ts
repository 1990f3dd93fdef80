import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { anomalyScanRequestSchema, anomalyScanSchema } from "./anomaly-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const write = { kind: "org", permission: "governance.write" } as const;

/** Routes of runtime anomaly detection. */
export const anomalyRoutes = {
  scanAnomalies: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/anomalies/scan",
    summary:
      "Run anomaly detection on the organisation's telemetry now (the server also does this every minute) and answer what it found and raised",
    tag: "monitoring",
    access: write,
    write: true,
    params: orgParams,
    body: anomalyScanRequestSchema,
    response: anomalyScanSchema,
  }),
} as const;
