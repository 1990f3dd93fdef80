import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { readinessSchema } from "./readiness-schemas.js";

/** Routes of the readiness module. */
export const readinessRoutes = {
  getReadiness: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/readiness",
    summary: "Coverage per clause, Annex A area and AI system, with the gaps to close",
    tag: "readiness",
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: z.object({ orgId: idSchema }),
    response: readinessSchema,
  }),
} as const;
