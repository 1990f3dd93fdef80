import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { homeSchema } from "./home-schemas.js";

/** Routes of the home dashboard. */
export const homeRoutes = {
  getHome: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/home",
    summary:
      "The organisation at a glance: readiness and its trend, risks, systems, evidence, security tests, and what waits on the caller",
    tag: "home",
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: z.object({ orgId: idSchema }),
    response: homeSchema,
  }),
} as const;
