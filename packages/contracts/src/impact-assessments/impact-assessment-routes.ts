import { z } from "zod";
import { archiveRequestSchema, idSchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  approveImpactAssessmentRequestSchema,
  impactAssessmentListQuerySchema,
  impactAssessmentSchema,
  impactAssessmentSummarySchema,
  returnImpactAssessmentRequestSchema,
  startImpactAssessmentRequestSchema,
  submitImpactAssessmentRequestSchema,
  systemImpactHistoryQuerySchema,
  systemImpactStatusQuerySchema,
  systemImpactStatusSchema,
  updateImpactAssessmentRequestSchema,
} from "./impact-assessment-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const systemParams = z.object({ orgId: idSchema, systemId: idSchema });
const assessmentParams = z.object({ orgId: idSchema, assessmentId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "impact assessments";
const base = "/api/v1/orgs/:orgId/impact-assessments";

/** Routes of the impact assessments module (6.1.4, A.5.2–A.5.5). */
export const impactAssessmentRoutes = {
  listSystemImpactStatuses: defineRoute({
    method: "GET",
    path: `${base}/overview`,
    summary: "List AI systems with where each stands on impact assessment (none, draft, submitted, approved, stale)",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: systemImpactStatusQuerySchema,
    response: pageSchema(systemImpactStatusSchema),
  }),
  listImpactAssessments: defineRoute({
    method: "GET",
    path: base,
    summary: "List impact assessment revisions, most recently changed first",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: impactAssessmentListQuerySchema,
    response: pageSchema(impactAssessmentSummarySchema),
  }),
  listSystemImpactAssessments: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/systems/:systemId/impact-assessments",
    summary: "A system's impact assessment history, newest revision first",
    tag,
    access: read,
    write: false,
    params: systemParams,
    query: systemImpactHistoryQuerySchema,
    response: pageSchema(impactAssessmentSummarySchema),
  }),
  startImpactAssessment: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/systems/:systemId/impact-assessments",
    summary: "Start a new draft revision for a system, copied from its approved one unless asked for a blank one",
    tag,
    access: write,
    write: true,
    params: systemParams,
    body: startImpactAssessmentRequestSchema,
    response: impactAssessmentSchema,
    status: 201,
  }),
  getImpactAssessment: defineRoute({
    method: "GET",
    path: `${base}/:assessmentId`,
    summary: "Read one revision with its content, impact levels and review log",
    tag,
    access: read,
    write: false,
    params: assessmentParams,
    response: impactAssessmentSchema,
  }),
  updateImpactAssessment: defineRoute({
    method: "PATCH",
    path: `${base}/:assessmentId`,
    summary: "Replace the content of a draft revision",
    tag,
    access: write,
    write: true,
    params: assessmentParams,
    body: updateImpactAssessmentRequestSchema,
    response: impactAssessmentSchema,
  }),
  submitImpactAssessment: defineRoute({
    method: "POST",
    path: `${base}/:assessmentId/submit`,
    summary: "Submit a complete draft for approval; its content hash is recorded",
    tag,
    access: write,
    write: true,
    params: assessmentParams,
    body: submitImpactAssessmentRequestSchema,
    response: impactAssessmentSchema,
  }),
  returnImpactAssessment: defineRoute({
    method: "POST",
    path: `${base}/:assessmentId/return`,
    summary: "Send a submitted revision back to draft with a comment",
    tag,
    access: write,
    write: true,
    params: assessmentParams,
    body: returnImpactAssessmentRequestSchema,
    response: impactAssessmentSchema,
  }),
  approveImpactAssessment: defineRoute({
    method: "POST",
    path: `${base}/:assessmentId/approve`,
    summary: "Approve a submitted revision exactly as submitted; the previous approved revision is superseded",
    tag,
    access: write,
    write: true,
    params: assessmentParams,
    body: approveImpactAssessmentRequestSchema,
    response: impactAssessmentSchema,
  }),
  archiveImpactAssessment: defineRoute({
    method: "POST",
    path: `${base}/:assessmentId/archive`,
    summary: "Abandon a draft or submitted revision, keeping it with the reason",
    tag,
    access: write,
    write: true,
    params: assessmentParams,
    body: archiveRequestSchema,
    response: impactAssessmentSchema,
  }),
} as const;
