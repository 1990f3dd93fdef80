import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { approvalCheckQuerySchema, approvalCheckSchema } from "./approval-schemas.js";

export const approvalRoutes = {
  getApprovalCheck: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/approval-check",
    summary: "Whether you may approve a record under segregation of duties, and why not",
    tag: "approvals",
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: z.object({ orgId: idSchema }),
    query: approvalCheckQuerySchema,
    response: approvalCheckSchema,
  }),
} as const;
