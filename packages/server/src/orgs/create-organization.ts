import { randomUUID } from "node:crypto";
import { slugFromName } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditActor, appendAuditEntry } from "../audit/append-audit-entry.js";
import { seedOrganization } from "./seed-organization.js";

export interface CreatedOrganization {
  id: string;
  slug: string;
  name: string;
  membershipId: string;
}

/** Creates an organisation with its first owner; both land in the new organisation's audit trail. */
export async function createOrganization(
  tx: Kysely<Database>,
  input: { name: string; ownerUserId: string; actor: AuditActor; requestId: string | null },
): Promise<CreatedOrganization> {
  const org = { id: randomUUID(), slug: slugFromName(input.name), name: input.name };
  await tx.insertInto("organizations").values(org).execute();
  const membershipId = randomUUID();
  await tx
    .insertInto("memberships")
    .values({ id: membershipId, org_id: org.id, user_id: input.ownerUserId, role: "owner" })
    .execute();
  const base = { orgId: org.id, actor: input.actor, requestId: input.requestId };
  await appendAuditEntry(tx, {
    ...base,
    action: "organization.created",
    entityType: "organization",
    entityId: org.id,
    changes: { name: { before: null, after: org.name }, slug: { before: null, after: org.slug } },
  });
  await appendAuditEntry(tx, {
    ...base,
    action: "member.added",
    entityType: "member",
    entityId: membershipId,
    changes: { userId: { before: null, after: input.ownerUserId }, role: { before: null, after: "owner" } },
  });
  await seedOrganization(tx, base);
  return { ...org, membershipId };
}
