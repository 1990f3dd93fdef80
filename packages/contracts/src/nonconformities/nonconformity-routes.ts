import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  createImprovementRequestSchema,
  improvementListQuerySchema,
  improvementSchema,
  updateImprovementRequestSchema,
} from "./improvement-schemas.js";
import {
  correctiveActionSchema,
  createCorrectiveActionRequestSchema,
  createNonconformityRequestSchema,
  nonconformityDetailSchema,
  nonconformityListQuerySchema,
  nonconformitySchema,
  recordEffectivenessCheckRequestSchema,
  updateCorrectiveActionRequestSchema,
  updateNonconformityRequestSchema,
} from "./nonconformity-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const nonconformityParams = z.object({ orgId: idSchema, nonconformityId: idSchema });
const actionParams = z.object({ orgId: idSchema, nonconformityId: idSchema, correctiveActionId: idSchema });
const improvementParams = z.object({ orgId: idSchema, improvementId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "nonconformities";

/** Routes of nonconformity and corrective action, effectiveness checks and the improvement log. */
export const nonconformityRoutes = {
  listNonconformities: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/nonconformities",
    summary: "List nonconformities, newest first, by status, severity, source or AI system",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(nonconformityListQuerySchema.shape),
    response: pageSchema(nonconformitySchema),
  }),
  raiseNonconformity: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/nonconformities",
    summary: "Raise a nonconformity by hand or from an incident, an alert or an audit",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createNonconformityRequestSchema,
    response: nonconformityDetailSchema,
    status: 201,
  }),
  getNonconformity: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/nonconformities/:nonconformityId",
    summary: "Read a nonconformity with its correction, root cause, corrective actions and effectiveness checks",
    tag,
    access: read,
    write: false,
    params: nonconformityParams,
    response: nonconformityDetailSchema,
  }),
  updateNonconformity: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/nonconformities/:nonconformityId",
    summary: "Change a nonconformity's facts, correction or root-cause analysis",
    tag,
    access: write,
    write: true,
    params: nonconformityParams,
    body: updateNonconformityRequestSchema,
    response: nonconformityDetailSchema,
  }),
  createCorrectiveAction: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/nonconformities/:nonconformityId/actions",
    summary: "Plan a corrective action for a nonconformity",
    tag,
    access: write,
    write: true,
    params: nonconformityParams,
    body: createCorrectiveActionRequestSchema,
    response: correctiveActionSchema,
    status: 201,
  }),
  updateCorrectiveAction: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/nonconformities/:nonconformityId/actions/:correctiveActionId",
    summary: "Change a corrective action: title, owner, due date or status (open, in progress, done, cancelled)",
    tag,
    access: write,
    write: true,
    params: actionParams,
    body: updateCorrectiveActionRequestSchema,
    response: correctiveActionSchema,
  }),
  recordEffectivenessCheck: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/nonconformities/:nonconformityId/effectiveness-checks",
    summary:
      "Record whether the corrective actions worked: an effective check closes the nonconformity, a not-effective one reopens it",
    tag,
    access: write,
    write: true,
    params: nonconformityParams,
    body: recordEffectivenessCheckRequestSchema,
    response: nonconformityDetailSchema,
    status: 201,
  }),

  listImprovements: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/improvements",
    summary: "List the improvement log, newest first",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(improvementListQuerySchema.shape),
    response: pageSchema(improvementSchema),
  }),
  createImprovement: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/improvements",
    summary: "Log an opportunity for improvement from any source",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createImprovementRequestSchema,
    response: improvementSchema,
    status: 201,
  }),
  getImprovement: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/improvements/:improvementId",
    summary: "Read an opportunity for improvement",
    tag,
    access: read,
    write: false,
    params: improvementParams,
    response: improvementSchema,
  }),
  updateImprovement: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/improvements/:improvementId",
    summary: "Change an opportunity for improvement: facts, owner or status (declining needs a reason)",
    tag,
    access: write,
    write: true,
    params: improvementParams,
    body: updateImprovementRequestSchema,
    response: improvementSchema,
  }),
} as const;
