import { agentDecisionHandlers } from "./agent-decisions/index.js";
import { agentPolicyHandlers } from "./agent-policies/index.js";
import { aibomHandlers } from "./aibom/index.js";
import { anomalyHandlers } from "./anomalies/index.js";
import { approvalHandlers } from "./approvals/index.js";
import { exportAuditTrail, listAuditEntries, verifyAuditTrailHandler } from "./audit/audit-handlers.js";
import { getAuthConfig, getSession, login, logout } from "./auth/auth-handlers.js";
import { setup } from "./auth/setup-handler.js";
import { catalogueHandlers } from "./catalogue/index.js";
import { changeHandlers } from "./changes/index.js";
import { competenceHandlers } from "./competence/index.js";
import { controlHandlers } from "./controls/index.js";
import { documentHandlers } from "./documents/index.js";
import { driftHandlers } from "./drift/index.js";
import { evidenceHandlers } from "./evidence/index.js";
import { gateHandlers } from "./gates/index.js";
import { homeHandlers } from "./home/index.js";
import type { Handlers } from "./http/register-routes.js";
import { impactAssessmentHandlers } from "./impact-assessments/index.js";
import { incidentHandlers } from "./incidents/index.js";
import { internalAuditHandlers } from "./internal-audits/index.js";
import { inventoryHandlers } from "./inventory/index.js";
import { acceptInvitation, previewInvitation } from "./invitations/accept-invitation-handlers.js";
import { createInvitation, listInvitations, revokeInvitation } from "./invitations/invitation-handlers.js";
import { licenceHandlers } from "./licences/index.js";
import { managementReviewHandlers } from "./management-reviews/index.js";
import { changePassword, getMe, updateMe } from "./me/me-handlers.js";
import { archiveMember, getMember, listMembers, updateMember } from "./members/member-handlers.js";
import { modelScanHandlers } from "./model-scans/index.js";
import { monitoringHandlers } from "./monitoring/index.js";
import { nonconformityHandlers } from "./nonconformities/index.js";
import { notificationHandlers } from "./notifications/index.js";
import { objectiveHandlers } from "./objectives/index.js";
import { createOrg, getOrg, updateOrg } from "./orgs/org-handlers.js";
import { readinessHandlers } from "./readiness/index.js";
import { redteamHandlers } from "./redteam/index.js";
import { reminderHandlers } from "./reminders/index.js";
import { riskHandlers } from "./risks/index.js";
import { getSsoConfig, putSsoConfig } from "./sso/sso-config-handlers.js";
import {
  confirmSsoDomainVerification,
  listSsoDomains,
  previewSsoDomainVerification,
  sendSsoDomainVerification,
} from "./sso/sso-domain-handlers.js";
import { getSsoLink, linkSsoAccount } from "./sso/sso-link-handlers.js";
import { finishSso, startSso } from "./sso/sso-login-handlers.js";
import { telemetryHandlers } from "./telemetry/index.js";
import { createToken, listTokens, revokeToken } from "./tokens/token-handlers.js";

/** One handler per route id of the contract table; a missing one fails type-checking and start-up. */
export const handlers: Handlers = {
  getAuthConfig,
  setup,
  login,
  logout,
  getSession,
  startSso,
  finishSso,
  getSsoLink,
  linkSsoAccount,
  previewSsoDomainVerification,
  confirmSsoDomainVerification,
  previewInvitation,
  acceptInvitation,
  getMe,
  updateMe,
  changePassword,
  createOrg,
  getOrg,
  updateOrg,
  listMembers,
  getMember,
  updateMember,
  archiveMember,
  listInvitations,
  createInvitation,
  revokeInvitation,
  listTokens,
  createToken,
  revokeToken,
  listAuditEntries,
  verifyAuditTrail: verifyAuditTrailHandler,
  exportAuditTrail,
  getSsoConfig,
  putSsoConfig,
  listSsoDomains,
  sendSsoDomainVerification,
  ...approvalHandlers,
  ...catalogueHandlers,
  ...controlHandlers,
  ...documentHandlers,
  ...evidenceHandlers,
  ...homeHandlers,
  ...impactAssessmentHandlers,
  ...inventoryHandlers,
  ...readinessHandlers,
  ...redteamHandlers,
  ...riskHandlers,
  ...gateHandlers,
  ...changeHandlers,
  ...monitoringHandlers,
  ...incidentHandlers,
  ...nonconformityHandlers,
  ...internalAuditHandlers,
  ...managementReviewHandlers,
  ...objectiveHandlers,
  ...competenceHandlers,
  ...reminderHandlers,
  ...notificationHandlers,
  ...telemetryHandlers,
  ...anomalyHandlers,
  ...driftHandlers,
  ...modelScanHandlers,
  ...aibomHandlers,
  ...licenceHandlers,
  ...agentPolicyHandlers,
  ...agentDecisionHandlers,
};
