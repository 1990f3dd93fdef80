import { randomBytes } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { insertConcern } from "./concern-handlers.js";
import { countAnonymousReport } from "./concern-rate-limit.js";

/** The web page an anonymous link opens. */
const concernPagePath = (token: string) => `/concern/${token}`;

/** Neither the token nor whether it ever existed is repeated back. */
const inactiveLink = () =>
  new AppError(
    "not_found",
    "This link does not take reports. It may have been turned off or replaced; ask the organisation for its current link.",
  );

async function findLinkByToken(db: Kysely<Database>, token: string) {
  return db
    .selectFrom("concern_links as l")
    .innerJoin("organizations as o", "o.id", "l.org_id")
    .select(["l.org_id", "o.name"])
    .where("l.token_hash", "=", hashSecret(token))
    .where("o.archived_at", "is", null)
    .executeTakeFirst();
}

export const getConcernLink: Handler<Routes["getConcernLink"]> = async ({ tx, org }) => {
  const row = await tx
    .selectFrom("concern_links")
    .select("created_at")
    .where("org_id", "=", org.orgId)
    .executeTakeFirst();
  return { enabled: row !== undefined, createdAt: row?.created_at.toISOString() ?? null };
};

/** Turns the link on, or replaces it: the old link stops working at once. The new one is shown only in this answer. */
export const enableConcernLink: Handler<Routes["enableConcernLink"]> = async ({ tx, org, audit }) => {
  const token = randomBytes(32).toString("base64url");
  const previous = await tx
    .selectFrom("concern_links")
    .select("org_id")
    .where("org_id", "=", org.orgId)
    .forUpdate()
    .executeTakeFirst();
  const row = await tx
    .insertInto("concern_links")
    .values({ org_id: org.orgId, token_hash: hashSecret(token), created_by_member_id: org.membershipId })
    .onConflict((oc) =>
      oc.column("org_id").doUpdateSet({
        token_hash: hashSecret(token),
        created_by_member_id: org.membershipId,
        created_at: new Date(),
      }),
    )
    .returning("created_at")
    .executeTakeFirstOrThrow();
  await audit({
    action: previous ? "concern_link.rotated" : "concern_link.enabled",
    entityType: "concern_link",
    entityId: org.orgId,
    changes: { enabled: { before: previous !== undefined, after: true } },
  });
  return { enabled: true as const, createdAt: row.created_at.toISOString(), token, path: concernPagePath(token) };
};

export const disableConcernLink: Handler<Routes["disableConcernLink"]> = async ({ tx, org, audit }) => {
  const removed = await tx
    .deleteFrom("concern_links")
    .where("org_id", "=", org.orgId)
    .returning("org_id")
    .executeTakeFirst();
  if (removed) {
    await audit({
      action: "concern_link.disabled",
      entityType: "concern_link",
      entityId: org.orgId,
      changes: { enabled: { before: true, after: false } },
    });
  }
  return { enabled: false, createdAt: null };
};

export const checkAnonymousConcernLink: Handler<Routes["checkAnonymousConcernLink"]> = async ({ tx, input }) => {
  const link = await findLinkByToken(tx, input.query.token);
  if (!link) throw inactiveLink();
  return { organizationName: link.name };
};

/**
 * Takes an anonymous report. Nothing about the sender is kept: no member, no address, no token, and
 * the audit entry carries no request id that could tie it to a log line.
 */
export const submitAnonymousConcern: Handler<Routes["submitAnonymousConcern"]> = async ({ tx, input, request }) => {
  countAnonymousReport(request.ip);
  const { token, description, systemName, contactPreference } = input.body;
  const link = await findLinkByToken(tx, token);
  if (!link) throw inactiveLink();
  const { ref } = await insertConcern(
    tx,
    link.org_id,
    { description, systemId: null, systemName, contactPreference, reportedByMemberId: null },
    (event) =>
      appendAuditEntry(tx, {
        ...event,
        orgId: link.org_id,
        actor: systemActor("Anonymous concern link"),
        requestId: null,
      }),
  );
  return { status: "received" as const, receipt: ref };
};
