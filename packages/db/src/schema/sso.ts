import type { CreatedAt, UpdatedAt, Version } from "../schema.js";

/** A provider identity (issuer + subject) an account has linked, per organisation. */
export interface SsoIdentitiesTable {
  id: string;
  user_id: string;
  org_id: string;
  issuer: string;
  subject: string;
  created_at: CreatedAt;
}

/** A link to an existing account waiting for that account's password. */
export interface SsoPendingLinksTable {
  secret_hash: string;
  org_id: string;
  user_id: string;
  issuer: string;
  subject: string;
  created_at: CreatedAt;
  expires_at: Date;
}

/** An organisation's claim on an e-mail domain; only a verified, unrevoked claim admits sign-ins. */
export interface SsoDomainClaimsTable {
  id: string;
  org_id: string;
  domain: string;
  verified_at: Date | null;
  revoked_at: Date | null;
  revoked_by_org_id: string | null;
  verification_email: string | null;
  verification_token_hash: string | null;
  verification_sent_at: Date | null;
  verification_expires_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SsoTables {
  sso_identities: SsoIdentitiesTable;
  sso_pending_links: SsoPendingLinksTable;
  sso_domain_claims: SsoDomainClaimsTable;
}
