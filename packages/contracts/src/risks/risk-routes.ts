import { z } from "zod";
import { archiveRequestSchema, idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { exportQuerySchema } from "../exports.js";
import { defineRoute } from "../route.js";
import {
  riskMethodBodySchema,
  riskMethodPreviewSchema,
  riskMethodSchema,
  updateRiskMethodRequestSchema,
} from "./risk-method.js";
import {
  acceptRiskRequestSchema,
  createRiskRequestSchema,
  riskDetailSchema,
  riskListQuerySchema,
  riskSchema,
  updateRiskRequestSchema,
} from "./risk-register.js";
import {
  acceptedThreatProposalSchema,
  acceptThreatProposalRequestSchema,
  dismissThreatProposalRequestSchema,
  threatModelRunSchema,
  threatProposalListQuerySchema,
  threatProposalSchema,
} from "./threat-proposals.js";
import {
  createTreatmentActionRequestSchema,
  treatmentActionSchema,
  updateTreatmentActionRequestSchema,
} from "./treatment-actions.js";

const orgParams = z.object({ orgId: idSchema });
const riskParams = z.object({ orgId: idSchema, riskId: idSchema });
const actionParams = z.object({ orgId: idSchema, riskId: idSchema, actionId: idSchema });
const systemParams = z.object({ orgId: idSchema, systemId: idSchema });
const proposalParams = z.object({ orgId: idSchema, proposalId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;

/** Routes of the risks module: method, register, treatment, acceptance and threat modelling. */
export const riskRoutes = {
  getRiskMethod: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/risk-method",
    summary: "Read the organisation's risk method: scales, matrix and acceptance criteria",
    tag: "risks",
    access: read,
    write: false,
    params: orgParams,
    response: riskMethodSchema,
  }),
  previewRiskMethod: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/risk-method/preview",
    summary: "Count the risks a changed method would re-rate, without saving it",
    tag: "risks",
    access: read,
    write: false,
    params: orgParams,
    body: riskMethodBodySchema,
    response: riskMethodPreviewSchema,
  }),
  updateRiskMethod: defineRoute({
    method: "PUT",
    path: "/api/v1/orgs/:orgId/risk-method",
    summary: "Change the risk method; every risk is re-rated in the same transaction",
    tag: "risks",
    access: write,
    write: true,
    params: orgParams,
    body: updateRiskMethodRequestSchema,
    response: riskMethodSchema,
  }),

  listRisks: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/risks",
    summary: "List the risk register",
    tag: "risks",
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(riskListQuerySchema.shape),
    response: pageSchema(riskSchema),
  }),
  exportRisks: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/risks/export",
    summary: "Download the risk register as CSV, XLSX or PDF",
    tag: "risks",
    access: read,
    write: false,
    params: orgParams,
    query: exportQuerySchema,
    response: null,
    produces: "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/pdf",
  }),
  createRisk: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/risks",
    summary: "Add a risk, for one AI system or organisation-wide",
    tag: "risks",
    access: write,
    write: true,
    params: orgParams,
    body: createRiskRequestSchema,
    response: riskSchema,
    status: 201,
  }),
  getRisk: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/risks/:riskId",
    summary: "Read a risk with its treatment actions and acceptances",
    tag: "risks",
    access: read,
    write: false,
    params: riskParams,
    response: riskDetailSchema,
  }),
  updateRisk: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/risks/:riskId",
    summary: "Change a risk's description, assessment, treatment or status",
    tag: "risks",
    access: write,
    write: true,
    params: riskParams,
    body: updateRiskRequestSchema,
    response: riskSchema,
  }),
  archiveRisk: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/risks/:riskId/archive",
    summary: "Archive a risk with a reason, keeping the record",
    tag: "risks",
    access: write,
    write: true,
    params: riskParams,
    body: archiveRequestSchema,
    response: riskSchema,
  }),
  acceptRisk: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/risks/:riskId/accept",
    summary:
      "Accept the risk's current rating until a date. Answers 403 when the method does not let your role accept that rating",
    tag: "risks",
    access: write,
    write: true,
    params: riskParams,
    body: acceptRiskRequestSchema,
    response: riskDetailSchema,
  }),

  createTreatmentAction: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/risks/:riskId/actions",
    summary: "Add a treatment action to a risk",
    tag: "risks",
    access: write,
    write: true,
    params: riskParams,
    body: createTreatmentActionRequestSchema,
    response: treatmentActionSchema,
    status: 201,
  }),
  updateTreatmentAction: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/risks/:riskId/actions/:actionId",
    summary: "Change a treatment action: title, owner, due date or status",
    tag: "risks",
    access: write,
    write: true,
    params: actionParams,
    body: updateTreatmentActionRequestSchema,
    response: treatmentActionSchema,
  }),

  listThreatProposals: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/systems/:systemId/threat-model",
    summary: "List the threats proposed for an AI system",
    tag: "risks",
    access: read,
    write: false,
    params: systemParams,
    query: pageQuerySchema.extend(threatProposalListQuerySchema.shape),
    response: pageSchema(threatProposalSchema),
  }),
  proposeThreats: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/systems/:systemId/threat-model",
    summary: "Propose risks for an AI system from the threat library; never duplicates an earlier proposal",
    tag: "risks",
    access: write,
    write: true,
    params: systemParams,
    response: threatModelRunSchema,
  }),
  acceptThreatProposal: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/threat-proposals/:proposalId/accept",
    summary: "Accept a proposed threat: creates a risk from the library entry",
    tag: "risks",
    access: write,
    write: true,
    params: proposalParams,
    body: acceptThreatProposalRequestSchema,
    response: acceptedThreatProposalSchema,
    status: 201,
  }),
  dismissThreatProposal: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/threat-proposals/:proposalId/dismiss",
    summary: "Dismiss a proposed threat with a reason",
    tag: "risks",
    access: write,
    write: true,
    params: proposalParams,
    body: dismissThreatProposalRequestSchema,
    response: threatProposalSchema,
  }),
} as const;
