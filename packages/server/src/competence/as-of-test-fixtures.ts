import { randomUUID } from "node:crypto";
import type { Role } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/** An organisation straight in the database, for queries that need no server. */
export async function givenOrg(db: Kysely<Database>, name: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("organizations")
    .values({ id, slug: `${name.toLowerCase()}-${id.slice(0, 6)}`, name })
    .execute();
  return id;
}

/** A person and their membership, joined at `joinedAt`; answers the membership id. */
export async function givenMember(
  db: Kysely<Database>,
  orgId: string,
  input: { name: string; role: Role; joinedAt?: Date },
): Promise<string> {
  const userId = randomUUID();
  const email = `${input.name.toLowerCase().replace(/\W+/g, ".")}.${userId.slice(0, 6)}@example.com`;
  await db.insertInto("users").values({ id: userId, email, name: input.name, password_hash: null }).execute();
  const id = randomUUID();
  await db
    .insertInto("memberships")
    .values({ id, org_id: orgId, user_id: userId, role: input.role, created_at: input.joinedAt ?? new Date() })
    .execute();
  return id;
}

/** An AI policy document with one version approved at `approvedAt`; answers both ids. */
export async function givenApprovedAiPolicy(
  db: Kysely<Database>,
  orgId: string,
  approvedAt: Date,
): Promise<{ documentId: string; versionId: string }> {
  const documentId = randomUUID();
  await db
    .insertInto("documents")
    .values({
      id: documentId,
      org_id: orgId,
      ref: `DOC-${documentId.slice(0, 4)}`,
      title: "AI policy",
      kind: "ai_policy",
      status: "approved",
      owner_member_id: null,
      next_review_date: null,
      approved_version_id: null,
      working_version_id: null,
      created_by_member_id: null,
      created_at: approvedAt,
    })
    .execute();
  const versionId = randomUUID();
  await db
    .insertInto("document_versions")
    .values({
      id: versionId,
      org_id: orgId,
      document_id: documentId,
      number: 1,
      status: "approved",
      body: "Use AI with care.",
      body_sha256: "0".repeat(64),
      change_summary: "",
      approver_member_ids: "[]",
      approved_at: approvedAt,
    })
    .execute();
  await db.updateTable("documents").set({ approved_version_id: versionId }).where("id", "=", documentId).execute();
  return { documentId, versionId };
}
