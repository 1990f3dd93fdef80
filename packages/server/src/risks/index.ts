import type { riskRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { acceptRisk } from "./accept-risk.js";
import { exportRisks } from "./export-risks.js";
import { listRisks } from "./list-risks.js";
import { reviewRisk } from "./review-risk.js";
import { archiveRisk, createRisk, getRisk, updateRisk } from "./risk-handlers.js";
import { getRiskMethod, previewRiskMethod, updateRiskMethod } from "./risk-method-handlers.js";
import {
  acceptThreatProposal,
  dismissThreatProposal,
  listThreatProposals,
  proposeThreats,
} from "./threat-model-handlers.js";
import { createTreatmentAction, updateTreatmentAction } from "./treatment-action-handlers.js";

export { type RereviewedRisk, requestRereviewOfSystemRisks, requestRiskRereview } from "./request-risk-rereview.js";

/** Handlers of the risks routes. */
export const riskHandlers: DomainHandlers<typeof riskRoutes> = {
  getRiskMethod,
  previewRiskMethod,
  updateRiskMethod,
  listRisks,
  exportRisks,
  createRisk,
  getRisk,
  updateRisk,
  archiveRisk,
  acceptRisk,
  reviewRisk,
  createTreatmentAction,
  updateTreatmentAction,
  listThreatProposals,
  proposeThreats,
  acceptThreatProposal,
  dismissThreatProposal,
};
