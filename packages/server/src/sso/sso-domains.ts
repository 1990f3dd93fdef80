import type { SsoDomainClaim, SsoDomainStatus } from "@openaims/contracts";
import { fieldMessage } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { invalidFields } from "../http/invalid-fields.js";

export type SsoDomainClaimRow = Selectable<Database["sso_domain_claims"]>;

/**
 * A claim is verified once a one-time token mailed to an address at the domain came back, and stays
 * so until another organisation proves control too and takes it over. Only verified claims admit
 * sign-ins; a pending claim admits and blocks nobody.
 */
export function claimStatus(row: Pick<SsoDomainClaimRow, "verified_at" | "revoked_at">): SsoDomainStatus {
  if (row.revoked_at) return "taken_over";
  return row.verified_at ? "verified" : "pending";
}

export function presentClaim(row: SsoDomainClaimRow, verifiedElsewhere: boolean): SsoDomainClaim {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const status = claimStatus(row);
  return {
    domain: row.domain,
    status,
    verificationEmail: row.verification_email,
    verificationSentAt: iso(row.verification_sent_at),
    verificationExpiresAt: row.verification_token_hash ? iso(row.verification_expires_at) : null,
    verifiedAt: status === "verified" ? iso(row.verified_at) : null,
    takenOverAt: iso(row.revoked_at),
    verifiedElsewhere: status !== "verified" && verifiedElsewhere,
  };
}

/** The domains an organisation holds verified (and not taken over), sorted. */
export async function verifiedDomainsOf(db: Kysely<Database>, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("sso_domain_claims")
    .select("domain")
    .where("org_id", "=", orgId)
    .where("verified_at", "is not", null)
    .where("revoked_at", "is", null)
    .orderBy("domain")
    .execute();
  return rows.map((row) => row.domain);
}

/** What an organisation's single sign-on admits now: its listed domains that it holds verified. */
export async function admittedDomains(
  db: Kysely<Database>,
  sso: { org_id: string; allowed_domains: readonly string[] },
): Promise<string[]> {
  const verified = new Set(await verifiedDomainsOf(db, sso.org_id));
  return sso.allowed_domains.filter((domain) => verified.has(domain));
}

/** Refuses to list a domain the organisation has not verified, naming each such domain and its field. */
export async function assertDomainsVerified(
  db: Kysely<Database>,
  orgId: string,
  domains: readonly string[],
  field: string,
): Promise<void> {
  const verified = new Set(await verifiedDomainsOf(db, orgId));
  const fields = domains.flatMap((domain, index) =>
    verified.has(domain)
      ? []
      : [
          fieldMessage(
            `${field}.${index}`,
            `${domain} is not verified for this organisation: send a verification e-mail to an address at ${domain} and confirm it first, or remove it`,
            "Domains",
          ),
        ],
  );
  if (fields.length) {
    throw invalidFields(fields);
  }
}
