import type { internalAuditRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { createInternalAudit, getInternalAudit, listInternalAudits, updateInternalAudit } from "./audit-handlers.js";
import { exportInternalAuditReport } from "./audit-report.js";
import { setChecklistItemEvidence, updateChecklistItem } from "./checklist-item-handlers.js";
import {
  archiveAuditProgramme,
  createAuditProgramme,
  getAuditProgramme,
  listAuditProgrammes,
  updateAuditProgramme,
} from "./programme-handlers.js";
import { logImprovementFromAuditItem, raiseNonconformityFromAuditItem } from "./raise-from-audit-item.js";
import { transitionInternalAudit } from "./transition-internal-audit.js";

/** Handlers of the internal audit (clause 9.2) routes. */
export const internalAuditHandlers: DomainHandlers<typeof internalAuditRoutes> = {
  listAuditProgrammes,
  createAuditProgramme,
  getAuditProgramme,
  updateAuditProgramme,
  archiveAuditProgramme,
  listInternalAudits,
  createInternalAudit,
  getInternalAudit,
  updateInternalAudit,
  transitionInternalAudit,
  updateChecklistItem,
  setChecklistItemEvidence,
  raiseNonconformityFromAuditItem,
  logImprovementFromAuditItem,
  exportInternalAuditReport,
};
