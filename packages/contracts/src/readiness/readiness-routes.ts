import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { certificationPathSchema, readinessSchema } from "./readiness-schemas.js";

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
  getCertificationPath: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/certification-path",
    summary: "The steps to certification in order, each with its status and where it is done",
    tag: "readiness",
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: z.object({ orgId: idSchema }),
    response: certificationPathSchema,
  }),
} as const;
