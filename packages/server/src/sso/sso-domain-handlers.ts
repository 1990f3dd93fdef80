import { randomBytes, randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";
import { allowSigninAttempt, countAttemptFromAddress } from "../auth/signin-throttle.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { sendDomainVerificationEmail } from "./send-domain-verification-email.js";
import { domainOf } from "./sso-configs.js";
import { claimStatus, presentClaim } from "./sso-domains.js";

const VERIFICATION_TTL_MS = 48 * 3_600_000;
const INVALID_LINK =
  "This verification link is invalid, already used, replaced by a newer one or expired. Ask your administrator to send a new one.";
/** The web page that shows a verification link's request and confirms it with a POST. */
const VERIFY_PAGE = "/sso/verify-domain";

/** The domains this organisation claims, with their state, sorted by domain. */
export const listSsoDomains: Handler<Routes["listSsoDomains"]> = async ({ tx, org }) => {
  const rows = await tx
    .selectFrom("sso_domain_claims")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .orderBy("domain")
    .execute();
  const elsewhere = await verifiedElsewhere(
    tx,
    org.orgId,
    rows.map((row) => row.domain),
  );
  return { items: rows.map((row) => presentClaim(row, elsewhere.has(row.domain))) };
};

/**
 * Claims a domain (or renews a pending or lost claim) and mails a one-time link to the address the
 * administrator named at that domain. Only the token's hash is stored; a new e-mail replaces the
 * previous link. Claiming proves nothing and changes nothing for anyone else until the link is
 * confirmed. E-mails are limited per organisation through the sign-in throttle.
 */
export const sendSsoDomainVerification: Handler<Routes["sendSsoDomainVerification"]> = async ({
  input,
  tx,
  org,
  deps,
  actor,
  audit,
  afterCommit,
}) => {
  const { domain, email } = input.body;
  if (domainOf(email) !== domain) {
    const message = `must be an address at ${domain}`;
    throw invalidField("body.email", message, "E-mail");
  }
  if (!deps.mailer.enabled) {
    throw new AppError(
      "conflict",
      "This server cannot send e-mail (AIMS_SMTP_URL is not set), and a domain is verified through an e-mail to an address there. Ask whoever runs OpenAIMS to configure a mail server.",
    );
  }
  if (!(await allowSigninAttempt(tx, `sso-domain-mail:${org.orgId}`))) {
    throw new AppError("rate_limited", "Too many verification e-mails for this organisation. Wait a few minutes.");
  }
  const existing = await tx
    .selectFrom("sso_domain_claims")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .where("domain", "=", domain)
    .forUpdate()
    .executeTakeFirst();
  if (existing && claimStatus(existing) === "verified") {
    throw new AppError("conflict", `${domain} is already verified for this organisation.`);
  }
  const token = `aims_domain_${randomBytes(32).toString("base64url")}`;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_MS);
  const verification = {
    verified_at: null,
    revoked_at: null,
    revoked_by_org_id: null,
    verification_email: email,
    verification_token_hash: hashSecret(token),
    verification_sent_at: now,
    verification_expires_at: expiresAt,
  };
  const row = existing
    ? await tx
        .updateTable("sso_domain_claims")
        .set({ ...verification, version: existing.version + 1, updated_at: now })
        .where("id", "=", existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await tx
        .insertInto("sso_domain_claims")
        .values({ id: randomUUID(), org_id: org.orgId, domain, ...verification })
        .returningAll()
        .executeTakeFirstOrThrow();
  await audit({
    action: "sso.domain_verification_sent",
    entityType: "sso_domain",
    entityId: row.id,
    changes: {
      domain: { before: existing ? domain : null, after: domain },
      status: { before: existing ? claimStatus(existing) : null, after: "pending" },
      verificationEmail: { before: existing?.verification_email ?? null, after: email },
      expiresAt: { before: null, after: expiresAt.toISOString() },
    },
  });
  const { name: orgName } = await tx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  const elsewhere = await verifiedElsewhere(tx, org.orgId, [domain]);
  const result = { claim: presentClaim(row, elsewhere.has(domain)), emailSent: false };
  const verifyUrl = `${deps.config.publicUrl.replace(/\/+$/, "")}${VERIFY_PAGE}?token=${encodeURIComponent(token)}`;
  afterCommit(async () => {
    result.emailSent = await sendDomainVerificationEmail(deps.mailer, {
      to: email,
      domain,
      orgName,
      requester: `${actor.name} <${actor.email}>`,
      verifyUrl,
      expiresAt,
    });
  });
  return result;
};

/** What a verification link asks, for the page to show before anyone confirms. Changes nothing. */
export const previewSsoDomainVerification: Handler<Routes["previewSsoDomainVerification"]> = async ({ input, tx }) => {
  const claim = await findClaimByToken(tx, input.query.token);
  if (!claim) throw new AppError("not_found", INVALID_LINK);
  const elsewhere = await verifiedElsewhere(tx, claim.org_id, [claim.domain]);
  return {
    orgName: claim.org_name,
    domain: claim.domain,
    email: claim.verification_email ?? "",
    expiresAt: (claim.verification_expires_at as Date).toISOString(),
    takesOver: elsewhere.has(claim.domain),
  };
};

/**
 * Confirms a verification link (POST only, so a mail scanner fetching the link confirms nothing):
 * the domain becomes verified for the organisation, and every other organisation's claim on it,
 * verified or not, is revoked and the domain removed from its single sign-on, with an entry in each
 * organisation's audit trail. Public, token-checked, and counted against the client address like a
 * sign-in.
 */
export const confirmSsoDomainVerification: Handler<Routes["confirmSsoDomainVerification"]> = async ({
  input,
  tx,
  request,
  requestId,
  failAfterCommit,
}) => {
  await countAttemptFromAddress(
    tx,
    request.ip,
    "Too many attempts from your address. Wait a few minutes and try again.",
  );
  const found = await findClaimByToken(tx, input.body.token);
  if (!found) {
    // Commit, so the failed attempt still counts against the address.
    failAfterCommit(new AppError("not_found", INVALID_LINK));
    return undefined as never;
  }
  // Every claim on the domain is locked in one order, so two organisations confirming at once queue up.
  const claims = await tx
    .selectFrom("sso_domain_claims")
    .selectAll()
    .where("domain", "=", found.domain)
    .orderBy("id")
    .forUpdate()
    .execute();
  const mine = claims.find((claim) => claim.id === found.id);
  if (!mine || mine.verification_token_hash !== hashSecret(input.body.token)) {
    failAfterCommit(new AppError("not_found", INVALID_LINK));
    return undefined as never;
  }
  const now = new Date();
  const domain = mine.domain;
  const email = mine.verification_email ?? "";
  const actor: AuditActor = { type: "system", id: null, label: `Domain verification link sent to ${email}` };
  const scope = (orgId: string) => ({ orgId, actor, requestId });
  const others = claims.filter((claim) => claim.org_id !== mine.org_id && !claim.revoked_at);
  for (const other of others) {
    await tx
      .updateTable("sso_domain_claims")
      .set({
        revoked_at: now,
        revoked_by_org_id: mine.org_id,
        verification_token_hash: null,
        verification_expires_at: null,
        version: other.version + 1,
        updated_at: now,
      })
      .where("id", "=", other.id)
      .execute();
    const config = await tx
      .updateTable("sso_configs")
      .set((eb) => ({
        allowed_domains: sql<string[]>`array_remove(allowed_domains, ${domain})`,
        version: eb("version", "+", 1),
        updated_at: now,
      }))
      .where("org_id", "=", other.org_id)
      .where(sql<boolean>`${domain} = any(allowed_domains)`)
      .returning("allowed_domains")
      .executeTakeFirst();
    await appendAuditEntry(tx, {
      ...scope(other.org_id),
      action: "sso.domain_taken_over",
      entityType: "sso_domain",
      entityId: other.id,
      changes: {
        domain: { before: domain, after: domain },
        status: { before: claimStatus(other), after: "taken_over" },
        takenOverBy: { before: null, after: mine.org_id },
        ...(config
          ? { allowedDomains: { before: [...config.allowed_domains, domain].sort(), after: config.allowed_domains } }
          : {}),
      },
    });
  }
  await tx
    .updateTable("sso_domain_claims")
    .set({
      verified_at: now,
      revoked_at: null,
      revoked_by_org_id: null,
      verification_token_hash: null,
      verification_expires_at: null,
      version: mine.version + 1,
      updated_at: now,
    })
    .where("id", "=", mine.id)
    .execute();
  await appendAuditEntry(tx, {
    ...scope(mine.org_id),
    action: "sso.domain_verified",
    entityType: "sso_domain",
    entityId: mine.id,
    changes: {
      domain: { before: domain, after: domain },
      status: { before: claimStatus(mine), after: "verified" },
      verificationEmail: { before: null, after: email },
      tookOverFrom: { before: null, after: others.map((other) => other.org_id) },
    },
  });
  return { orgName: found.org_name, domain, tookOverFrom: others.length };
};

/** The claim a live verification token belongs to, in a live organisation. */
async function findClaimByToken(db: Kysely<Database>, token: string) {
  return db
    .selectFrom("sso_domain_claims")
    .innerJoin("organizations", "organizations.id", "sso_domain_claims.org_id")
    .selectAll("sso_domain_claims")
    .select("organizations.name as org_name")
    .where("sso_domain_claims.verification_token_hash", "=", hashSecret(token))
    .where("sso_domain_claims.verification_expires_at", ">", new Date())
    .where("sso_domain_claims.revoked_at", "is", null)
    .where("organizations.archived_at", "is", null)
    .executeTakeFirst();
}

/** Of these domains, the ones another organisation holds verified. */
async function verifiedElsewhere(db: Kysely<Database>, orgId: string, domains: string[]): Promise<Set<string>> {
  if (domains.length === 0) return new Set();
  const rows = await db
    .selectFrom("sso_domain_claims")
    .select("domain")
    .where("domain", "in", domains)
    .where("org_id", "!=", orgId)
    .where("verified_at", "is not", null)
    .where("revoked_at", "is", null)
    .execute();
  return new Set(rows.map((row) => row.domain));
}
