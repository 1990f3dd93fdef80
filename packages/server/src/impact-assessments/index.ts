import type { impactAssessmentRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { archiveImpactAssessment, updateImpactAssessment } from "./edit-impact-assessment.js";
import {
  getImpactAssessment,
  listImpactAssessments,
  listSystemImpactAssessments,
  listSystemImpactStatuses,
} from "./impact-assessment-handlers.js";
import { approveImpactAssessment, returnImpactAssessment, submitImpactAssessment } from "./review-impact-assessment.js";
import { startImpactAssessment } from "./start-impact-assessment.js";

export { findSystemImpactStatus, findSystemsNeedingImpactAssessment } from "./system-impact-statuses.js";

/** Handlers of the impact assessments routes. */
export const impactAssessmentHandlers: DomainHandlers<typeof impactAssessmentRoutes> = {
  listSystemImpactStatuses,
  listImpactAssessments,
  listSystemImpactAssessments,
  startImpactAssessment,
  getImpactAssessment,
  updateImpactAssessment,
  submitImpactAssessment,
  returnImpactAssessment,
  approveImpactAssessment,
  archiveImpactAssessment,
};
