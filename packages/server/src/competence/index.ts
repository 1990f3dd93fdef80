import type { competenceRoutes, Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import type { DomainHandlers } from "../http/register-routes.js";
import { importTrainingRecords } from "./import-training-records.js";
import {
  acknowledgePolicy,
  getMyPolicyAcknowledgement,
  listPolicyAcknowledgements,
} from "./policy-acknowledgement-handlers.js";
import {
  archiveCompetenceRequirement,
  createCompetenceRequirement,
  getCompetenceRequirement,
  listCompetenceRequirements,
  updateCompetenceRequirement,
} from "./requirement-handlers.js";
import { trainingCoverageAsOf } from "./training-coverage-as-of.js";
import {
  archiveTrainingRecord,
  createTrainingRecord,
  getTrainingRecord,
  listTrainingRecords,
  updateTrainingRecord,
} from "./training-record-handlers.js";

export { approvedAiPolicyAt } from "./approved-ai-policy.js";
export { trainingCoverageAsOf } from "./training-coverage-as-of.js";

/** Coverage and gaps as of now. */
const getTrainingCoverage: Handler<Routes["getTrainingCoverage"]> = ({ tx, org }) =>
  trainingCoverageAsOf(tx, org.orgId, new Date());

/** Handlers of the competence and awareness routes. */
export const competenceHandlers: DomainHandlers<typeof competenceRoutes> = {
  listCompetenceRequirements,
  createCompetenceRequirement,
  getCompetenceRequirement,
  updateCompetenceRequirement,
  archiveCompetenceRequirement,
  getTrainingCoverage,
  listTrainingRecords,
  createTrainingRecord,
  importTrainingRecords,
  getTrainingRecord,
  updateTrainingRecord,
  archiveTrainingRecord,
  getMyPolicyAcknowledgement,
  acknowledgePolicy,
  listPolicyAcknowledgements,
};
