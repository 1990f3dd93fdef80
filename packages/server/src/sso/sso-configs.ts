import type { Database } from "@openaims/db";
import { type Kysely, type Selectable, sql } from "kysely";

/**
 * An organisation's stored identity-provider settings. `client_secret` must be presented to the
 * provider, so it is stored sealed (AES-256-GCM under the server's key, bound to the organisation)
 * and opened only to sign someone in: see openClientSecret.
 */
export type SsoConfigRow = Selectable<Database["sso_configs"]>;

/**
 * The enabled configuration of a live organisation that lists this e-mail domain and holds it
 * verified, if any. At most one organisation holds a domain verified, so at most one answers.
 */
export async function findSsoConfigByDomain(db: Kysely<Database>, domain: string): Promise<SsoConfigRow | undefined> {
  return db
    .selectFrom("sso_configs")
    .innerJoin("organizations", "organizations.id", "sso_configs.org_id")
    .innerJoin("sso_domain_claims", (join) =>
      join
        .onRef("sso_domain_claims.org_id", "=", "sso_configs.org_id")
        .on("sso_domain_claims.domain", "=", domain)
        .on("sso_domain_claims.verified_at", "is not", null)
        .on("sso_domain_claims.revoked_at", "is", null),
    )
    .selectAll("sso_configs")
    .where("sso_configs.enabled", "=", true)
    .where("organizations.archived_at", "is", null)
    .where(sql<boolean>`${domain} = any(sso_configs.allowed_domains)`)
    .executeTakeFirst();
}

/** The enabled configuration of a live organisation, if it still has one. */
export async function findEnabledSsoConfig(db: Kysely<Database>, orgId: string): Promise<SsoConfigRow | undefined> {
  return db
    .selectFrom("sso_configs")
    .innerJoin("organizations", "organizations.id", "sso_configs.org_id")
    .selectAll("sso_configs")
    .where("sso_configs.org_id", "=", orgId)
    .where("sso_configs.enabled", "=", true)
    .where("organizations.archived_at", "is", null)
    .executeTakeFirst();
}

/** The part after the last `@`, lower-cased. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
