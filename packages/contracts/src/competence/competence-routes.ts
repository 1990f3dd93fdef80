import { z } from "zod";
import { archiveRequestSchema, idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { importQuerySchema, importReportSchema } from "../inventory/import-schemas.js";
import { IMPORT_MAX_BYTES } from "../inventory/inventory-routes.js";
import { defineRoute } from "../route.js";
import {
  competenceRequirementListQuerySchema,
  competenceRequirementSchema,
  createCompetenceRequirementRequestSchema,
  createTrainingRecordRequestSchema,
  trainingRecordListQuerySchema,
  trainingRecordSchema,
  updateCompetenceRequirementRequestSchema,
  updateTrainingRecordRequestSchema,
} from "./competence-schemas.js";
import {
  acknowledgePolicyRequestSchema,
  myPolicyAcknowledgementSchema,
  policyAcknowledgementListQuerySchema,
  policyAcknowledgementListSchema,
} from "./policy-acknowledgement-schemas.js";
import { trainingCoverageSchema } from "./training-coverage.js";

const base = "/api/v1/orgs/:orgId";
const orgParams = z.object({ orgId: idSchema });
const requirementParams = z.object({ orgId: idSchema, requirementId: idSchema });
const trainingParams = z.object({ orgId: idSchema, trainingRecordId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "competence";

/** Routes of the competence and awareness (clauses 7.2, 7.3) module. */
export const competenceRoutes = {
  listCompetenceRequirements: defineRoute({
    method: "GET",
    path: `${base}/competence/requirements`,
    summary: "List the competences and training required per role and per AIMS responsibility",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(competenceRequirementListQuerySchema.shape),
    response: pageSchema(competenceRequirementSchema),
  }),
  createCompetenceRequirement: defineRoute({
    method: "POST",
    path: `${base}/competence/requirements`,
    summary: "Require a competence, and the course that meets it, of a role or an AIMS responsibility",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createCompetenceRequirementRequestSchema,
    response: competenceRequirementSchema,
    status: 201,
  }),
  getCompetenceRequirement: defineRoute({
    method: "GET",
    path: `${base}/competence/requirements/:requirementId`,
    summary: "Read a competence requirement",
    tag,
    access: read,
    write: false,
    params: requirementParams,
    response: competenceRequirementSchema,
  }),
  updateCompetenceRequirement: defineRoute({
    method: "PATCH",
    path: `${base}/competence/requirements/:requirementId`,
    summary: "Change a competence requirement's wording, course or renewal period",
    tag,
    access: write,
    write: true,
    params: requirementParams,
    body: updateCompetenceRequirementRequestSchema,
    response: competenceRequirementSchema,
  }),
  archiveCompetenceRequirement: defineRoute({
    method: "POST",
    path: `${base}/competence/requirements/:requirementId/archive`,
    summary: "Stop requiring a competence, with a reason; the requirement stays on record",
    tag,
    access: write,
    write: true,
    params: requirementParams,
    body: archiveRequestSchema,
    response: competenceRequirementSchema,
  }),
  getTrainingCoverage: defineRoute({
    method: "GET",
    path: `${base}/competence/coverage`,
    summary:
      "Training coverage per role and responsibility, the members who lack training, and AI policy acknowledgement",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: trainingCoverageSchema,
  }),

  listTrainingRecords: defineRoute({
    method: "GET",
    path: `${base}/training-records`,
    summary: "List training records, latest completion first, by member, course or validity",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(trainingRecordListQuerySchema.shape),
    response: pageSchema(trainingRecordSchema),
  }),
  createTrainingRecord: defineRoute({
    method: "POST",
    path: `${base}/training-records`,
    summary: "Record a member's completed training; its expiry defaults from a requirement for the course",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createTrainingRecordRequestSchema,
    response: trainingRecordSchema,
    status: 201,
  }),
  importTrainingRecords: defineRoute({
    method: "POST",
    path: `${base}/training-records/import`,
    summary:
      "Check (dry run) or apply a CSV or XLSX file of training records (member e-mail, course, provider, completed, expires, notes); a file with any bad row changes nothing",
    tag,
    access: write,
    write: true,
    params: orgParams,
    query: importQuerySchema,
    upload: { maxBytes: IMPORT_MAX_BYTES },
    response: importReportSchema,
  }),
  getTrainingRecord: defineRoute({
    method: "GET",
    path: `${base}/training-records/:trainingRecordId`,
    summary: "Read a training record",
    tag,
    access: read,
    write: false,
    params: trainingParams,
    response: trainingRecordSchema,
  }),
  updateTrainingRecord: defineRoute({
    method: "PATCH",
    path: `${base}/training-records/:trainingRecordId`,
    summary: "Change a training record",
    tag,
    access: write,
    write: true,
    params: trainingParams,
    body: updateTrainingRecordRequestSchema,
    response: trainingRecordSchema,
  }),
  archiveTrainingRecord: defineRoute({
    method: "POST",
    path: `${base}/training-records/:trainingRecordId/archive`,
    summary: "Archive a training record entered by mistake, with a reason; it stays on record",
    tag,
    access: write,
    write: true,
    params: trainingParams,
    body: archiveRequestSchema,
    response: trainingRecordSchema,
  }),

  getMyPolicyAcknowledgement: defineRoute({
    method: "GET",
    path: `${base}/policy-acknowledgements/me`,
    summary: "Whether you still need to acknowledge the approved AI policy, and which version",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: myPolicyAcknowledgementSchema,
  }),
  acknowledgePolicy: defineRoute({
    method: "POST",
    path: `${base}/policy-acknowledgements`,
    summary: "Acknowledge, for yourself, that you have read the approved AI policy version in force",
    tag,
    access: read,
    write: true,
    params: orgParams,
    body: acknowledgePolicyRequestSchema,
    response: myPolicyAcknowledgementSchema,
    status: 201,
  }),
  listPolicyAcknowledgements: defineRoute({
    method: "GET",
    path: `${base}/policy-acknowledgements`,
    summary: "Who has and who has not acknowledged the approved AI policy version in force",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(policyAcknowledgementListQuerySchema.shape),
    response: policyAcknowledgementListSchema,
  }),
} as const;
