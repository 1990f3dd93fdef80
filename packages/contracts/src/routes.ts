import { z } from "zod";
import { agentDecisionRoutes } from "./agents/agent-decision-routes.js";
import { agentPolicyRoutes } from "./agents/agent-policy-routes.js";
import { anomalyRoutes } from "./anomalies/anomaly-routes.js";
import { approvalRoutes } from "./approvals/approval-routes.js";
import { auditEntrySchema, auditListQuerySchema, auditVerifyResultSchema } from "./audit.js";
import {
  authConfigSchema,
  changePasswordRequestSchema,
  loginRequestSchema,
  meSchema,
  sessionResponseSchema,
  setupRequestSchema,
  ssoCallbackQuerySchema,
  ssoStartQuerySchema,
  updateMeRequestSchema,
} from "./auth.js";
import { catalogueRoutes } from "./catalogue/catalogue-routes.js";
import { changeRoutes } from "./changes/change-routes.js";
import { archiveRequestSchema, idSchema, okSchema, pageQuerySchema, pageSchema } from "./common.js";
import { competenceRoutes } from "./competence/competence-routes.js";
import { controlRoutes } from "./controls/control-routes.js";
import { documentRoutes } from "./documents/document-routes.js";
import { driftRoutes } from "./drift/drift-routes.js";
import { evidenceRoutes } from "./evidence/evidence-routes.js";
import { gateRoutes } from "./gates/gate-routes.js";
import { homeRoutes } from "./home/home-routes.js";
import { impactAssessmentRoutes } from "./impact-assessments/impact-assessment-routes.js";
import { incidentRoutes } from "./incidents/incident-routes.js";
import { internalAuditRoutes } from "./internal-audits/internal-audit-routes.js";
import { inventoryRoutes } from "./inventory/inventory-routes.js";
import {
  acceptInvitationRequestSchema,
  createdInvitationSchema,
  createInvitationRequestSchema,
  invitationListQuerySchema,
  invitationPreviewQuerySchema,
  invitationPreviewSchema,
  invitationSchema,
} from "./invitations.js";
import { managementReviewRoutes } from "./management-reviews/management-review-routes.js";
import { monitoringRoutes } from "./monitoring/monitoring-routes.js";
import { nonconformityRoutes } from "./nonconformities/nonconformity-routes.js";
import { notificationRoutes } from "./notifications/notification-routes.js";
import { objectiveRoutes } from "./objectives/objective-routes.js";
import {
  createOrgRequestSchema,
  memberListQuerySchema,
  memberSchema,
  orgSchema,
  updateMemberRequestSchema,
  updateOrgRequestSchema,
} from "./orgs.js";
import { readinessRoutes } from "./readiness/readiness-routes.js";
import { redteamRoutes } from "./redteam/redteam-routes.js";
import { reminderRoutes } from "./reminders/reminder-routes.js";
import { riskRoutes } from "./risks/risk-routes.js";
import { defineRoute } from "./route.js";
import {
  confirmedSsoDomainSchema,
  confirmSsoDomainRequestSchema,
  linkSsoAccountRequestSchema,
  putSsoConfigRequestSchema,
  sendSsoDomainVerificationRequestSchema,
  sentSsoDomainVerificationSchema,
  ssoConfigSchema,
  ssoDomainListSchema,
  ssoDomainVerificationPreviewSchema,
  ssoDomainVerificationQuerySchema,
  ssoPendingLinkSchema,
} from "./sso.js";
import { aibomRoutes } from "./supply-chain/aibom-routes.js";
import { licenceRoutes } from "./supply-chain/licence-routes.js";
import { modelScanRoutes } from "./supply-chain/model-scan-routes.js";
import { telemetryRoutes } from "./telemetry/telemetry-routes.js";
import { apiTokenSchema, createdTokenSchema, createTokenRequestSchema, tokenListQuerySchema } from "./tokens.js";

const orgParams = z.object({ orgId: idSchema });
const memberParams = z.object({ orgId: idSchema, memberId: idSchema });
const invitationParams = z.object({ orgId: idSchema, invitationId: idSchema });
const tokenParams = z.object({ orgId: idSchema, tokenId: idSchema });
const versionOnly = z.object({ version: z.number().int().min(1) });

/** Accounts, organisations, access and the audit trail. */
const foundationRoutes = {
  getAuthConfig: defineRoute({
    method: "GET",
    path: "/api/v1/auth/config",
    summary: "What the sign-in page should offer",
    tag: "auth",
    access: { kind: "public" },
    write: false,
    response: authConfigSchema,
  }),
  setup: defineRoute({
    method: "POST",
    path: "/api/v1/auth/setup",
    summary: "Create the first organisation and owner with the setup code printed at start",
    tag: "auth",
    access: { kind: "public" },
    write: true,
    body: setupRequestSchema,
    response: sessionResponseSchema,
    status: 201,
  }),
  login: defineRoute({
    method: "POST",
    path: "/api/v1/auth/login",
    summary: "Sign in with e-mail and password",
    tag: "auth",
    access: { kind: "public" },
    write: true,
    body: loginRequestSchema,
    response: sessionResponseSchema,
  }),
  logout: defineRoute({
    method: "POST",
    path: "/api/v1/auth/logout",
    summary: "End the current session",
    tag: "auth",
    access: { kind: "user" },
    write: true,
    response: okSchema,
  }),
  getSession: defineRoute({
    method: "GET",
    path: "/api/v1/auth/session",
    summary: "The current session and its CSRF token",
    tag: "auth",
    access: { kind: "user" },
    write: false,
    response: sessionResponseSchema,
  }),
  startSso: defineRoute({
    method: "GET",
    path: "/api/v1/auth/sso/start",
    summary: "Redirect to the identity provider of the organisation that owns the e-mail domain",
    tag: "auth",
    access: { kind: "public" },
    write: false,
    query: ssoStartQuerySchema,
    response: null,
    status: 302,
  }),
  finishSso: defineRoute({
    method: "GET",
    path: "/api/v1/auth/sso/callback",
    summary: "Return from the identity provider",
    tag: "auth",
    access: { kind: "public" },
    write: false,
    query: ssoCallbackQuerySchema,
    response: null,
    status: 302,
  }),
  getSsoLink: defineRoute({
    method: "GET",
    path: "/api/v1/auth/sso/link",
    summary: "The account link waiting in this browser for the account's password",
    tag: "auth",
    access: { kind: "public" },
    write: false,
    response: ssoPendingLinkSchema,
  }),
  linkSsoAccount: defineRoute({
    method: "POST",
    path: "/api/v1/auth/sso/link",
    summary: "Link the identity provider to your existing account with its password, and sign in",
    tag: "auth",
    access: { kind: "public" },
    write: true,
    body: linkSsoAccountRequestSchema,
    response: sessionResponseSchema,
  }),
  previewSsoDomainVerification: defineRoute({
    method: "GET",
    path: "/api/v1/auth/sso/domain-verification",
    summary: "Show which organisation a domain verification link is for (changes nothing)",
    tag: "auth",
    access: { kind: "public" },
    write: false,
    query: ssoDomainVerificationQuerySchema,
    response: ssoDomainVerificationPreviewSchema,
  }),
  confirmSsoDomainVerification: defineRoute({
    method: "POST",
    path: "/api/v1/auth/sso/domain-verification",
    summary: "Confirm control of an e-mail domain with the token mailed to an address there",
    tag: "auth",
    access: { kind: "public" },
    write: true,
    body: confirmSsoDomainRequestSchema,
    response: confirmedSsoDomainSchema,
  }),
  previewInvitation: defineRoute({
    method: "GET",
    path: "/api/v1/invitations/preview",
    summary: "Show what an invitation link grants",
    tag: "invitations",
    access: { kind: "public" },
    write: false,
    query: invitationPreviewQuerySchema,
    response: invitationPreviewSchema,
  }),
  acceptInvitation: defineRoute({
    method: "POST",
    path: "/api/v1/invitations/accept",
    summary: "Accept an invitation, creating the account if needed",
    tag: "invitations",
    access: { kind: "public" },
    write: true,
    body: acceptInvitationRequestSchema,
    response: sessionResponseSchema,
  }),

  getMe: defineRoute({
    method: "GET",
    path: "/api/v1/me",
    summary: "The signed-in person and their organisations",
    tag: "me",
    access: { kind: "user" },
    write: false,
    response: meSchema,
  }),
  updateMe: defineRoute({
    method: "PATCH",
    path: "/api/v1/me",
    summary: "Change your display name",
    tag: "me",
    access: { kind: "user" },
    write: true,
    body: updateMeRequestSchema,
    response: meSchema,
  }),
  changePassword: defineRoute({
    method: "POST",
    path: "/api/v1/me/password",
    summary: "Change your password; other sessions are ended",
    tag: "me",
    access: { kind: "user" },
    write: true,
    body: changePasswordRequestSchema,
    response: okSchema,
  }),

  createOrg: defineRoute({
    method: "POST",
    path: "/api/v1/orgs",
    summary: "Create an organisation; you become its owner",
    tag: "organizations",
    access: { kind: "user" },
    write: true,
    body: createOrgRequestSchema,
    response: orgSchema,
    status: 201,
  }),
  getOrg: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId",
    summary: "Read an organisation",
    tag: "organizations",
    access: { kind: "org", permission: "org.read" },
    write: false,
    params: orgParams,
    response: orgSchema,
  }),
  updateOrg: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId",
    summary: "Rename an organisation",
    tag: "organizations",
    access: { kind: "org", permission: "org.update" },
    write: true,
    params: orgParams,
    body: updateOrgRequestSchema,
    response: orgSchema,
  }),

  listMembers: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/members",
    summary: "List members",
    tag: "members",
    access: { kind: "org", permission: "members.read" },
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(memberListQuerySchema.shape),
    response: pageSchema(memberSchema),
  }),
  getMember: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/members/:memberId",
    summary: "Read a member",
    tag: "members",
    access: { kind: "org", permission: "members.read" },
    write: false,
    params: memberParams,
    response: memberSchema,
  }),
  updateMember: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/members/:memberId",
    summary: "Change a member's role",
    tag: "members",
    access: { kind: "org", permission: "members.manage" },
    write: true,
    params: memberParams,
    body: updateMemberRequestSchema,
    response: memberSchema,
  }),
  archiveMember: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/members/:memberId/archive",
    summary: "Remove a member's access, keeping the record",
    tag: "members",
    access: { kind: "org", permission: "members.manage" },
    write: true,
    params: memberParams,
    body: archiveRequestSchema,
    response: memberSchema,
  }),

  listInvitations: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/invitations",
    summary: "List invitations",
    tag: "invitations",
    access: { kind: "org", permission: "invitations.read" },
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(invitationListQuerySchema.shape),
    response: pageSchema(invitationSchema),
  }),
  createInvitation: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/invitations",
    summary: "Invite someone by e-mail",
    tag: "invitations",
    access: { kind: "org", permission: "invitations.manage" },
    write: true,
    params: orgParams,
    body: createInvitationRequestSchema,
    response: createdInvitationSchema,
    status: 201,
  }),
  revokeInvitation: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/invitations/:invitationId/revoke",
    summary: "Revoke a pending invitation",
    tag: "invitations",
    access: { kind: "org", permission: "invitations.manage" },
    write: true,
    params: invitationParams,
    body: versionOnly,
    response: invitationSchema,
  }),

  listTokens: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/tokens",
    summary: "List API tokens (your own, or all with tokens.manage_all)",
    tag: "tokens",
    access: { kind: "org", permission: "tokens.manage_own" },
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(tokenListQuerySchema.shape),
    response: pageSchema(apiTokenSchema),
  }),
  createToken: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/tokens",
    summary: "Create an API token; the secret is shown once",
    tag: "tokens",
    access: { kind: "org", permission: "tokens.manage_own" },
    write: true,
    params: orgParams,
    body: createTokenRequestSchema,
    response: createdTokenSchema,
    status: 201,
  }),
  revokeToken: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/tokens/:tokenId/revoke",
    summary: "Revoke an API token",
    tag: "tokens",
    access: { kind: "org", permission: "tokens.manage_own" },
    write: true,
    params: tokenParams,
    body: versionOnly,
    response: apiTokenSchema,
  }),

  listAuditEntries: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/audit-trail",
    summary: "List audit trail entries",
    tag: "audit trail",
    access: { kind: "org", permission: "audit_trail.read" },
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(auditListQuerySchema.shape),
    response: pageSchema(auditEntrySchema),
  }),
  verifyAuditTrail: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/audit-trail/verify",
    summary: "Recompute the hash chain and report the first broken entry",
    tag: "audit trail",
    access: { kind: "org", permission: "audit_trail.read" },
    write: false,
    params: orgParams,
    response: auditVerifyResultSchema,
  }),
  exportAuditTrail: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/audit-trail/export",
    summary: "Download the whole chain as JSON Lines for offline verification",
    tag: "audit trail",
    access: { kind: "org", permission: "audit_trail.read" },
    write: false,
    params: orgParams,
    response: null,
    produces: "application/x-ndjson",
  }),

  getSsoConfig: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/sso",
    summary: "Read the single sign-on configuration",
    tag: "sso",
    access: { kind: "org", permission: "sso.read" },
    write: false,
    params: orgParams,
    response: ssoConfigSchema.nullable(),
  }),
  putSsoConfig: defineRoute({
    method: "PUT",
    path: "/api/v1/orgs/:orgId/sso",
    summary: "Configure OpenID Connect sign-in",
    tag: "sso",
    access: { kind: "org", permission: "sso.manage" },
    write: true,
    params: orgParams,
    body: putSsoConfigRequestSchema,
    response: ssoConfigSchema,
  }),
  listSsoDomains: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/sso/domains",
    summary: "E-mail domains this organisation claims for single sign-on, with their verification state",
    tag: "sso",
    access: { kind: "org", permission: "sso.read" },
    write: false,
    params: orgParams,
    response: ssoDomainListSchema,
  }),
  sendSsoDomainVerification: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/sso/domains/verification",
    summary: "Claim an e-mail domain and mail a one-time verification link to an address there",
    tag: "sso",
    access: { kind: "org", permission: "sso.manage" },
    write: true,
    params: orgParams,
    body: sendSsoDomainVerificationRequestSchema,
    response: sentSsoDomainVerificationSchema,
  }),
} as const;

/** Every API route. Add a domain module's group here; the server refuses to start with one unhandled. */
export const routes = {
  ...foundationRoutes,
  ...approvalRoutes,
  ...catalogueRoutes,
  ...inventoryRoutes,
  ...riskRoutes,
  ...controlRoutes,
  ...documentRoutes,
  ...evidenceRoutes,
  ...homeRoutes,
  ...impactAssessmentRoutes,
  ...readinessRoutes,
  ...redteamRoutes,
  ...gateRoutes,
  ...changeRoutes,
  ...monitoringRoutes,
  ...incidentRoutes,
  ...nonconformityRoutes,
  ...internalAuditRoutes,
  ...managementReviewRoutes,
  ...objectiveRoutes,
  ...competenceRoutes,
  ...reminderRoutes,
  ...notificationRoutes,
  ...telemetryRoutes,
  ...anomalyRoutes,
  ...driftRoutes,
  ...modelScanRoutes,
  ...aibomRoutes,
  ...licenceRoutes,
  ...agentPolicyRoutes,
  ...agentDecisionRoutes,
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
