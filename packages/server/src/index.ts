export { buildApp } from "./app.js";
export { type AuditActor, type AuditEvent, appendAuditEntry, systemActor } from "./audit/append-audit-entry.js";
export { auditedOrgIds, readAuditEntries } from "./audit/read-audit-entries.js";
export { verifyAuditTrail } from "./audit/verify-audit-trail.js";
export { createUser } from "./auth/create-user.js";
export { hashPassword } from "./auth/passwords.js";
export { recordUserEvent } from "./auth/record-user-event.js";
export { revokeOtherSessions } from "./auth/sessions.js";
export { configFromEnv, defaultConfig, type ServerConfig } from "./config.js";
export { AppError } from "./http/app-error.js";
export { buildOpenApiDocument } from "./http/openapi.js";
export { createOrganization } from "./orgs/create-organization.js";
export { createSecretBox, parseSecretKey } from "./secrets/secret-box.js";
export {
  findServerSecretKey,
  installSecretKeyFile,
  loadServerSecretKey,
  SECRET_KEY_FILE,
} from "./secrets/server-secret-key.js";
export { type RunningServer, startServer } from "./server.js";
export { findUnreadableClientSecrets } from "./sso/seal-client-secrets.js";
export { createApiToken } from "./tokens/create-api-token.js";
export { revokeApiToken } from "./tokens/revoke-api-token.js";
