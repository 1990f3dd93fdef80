import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { notFound } from "../http/app-error.js";

export type DocumentRow = Selectable<Database["documents"]>;
export type VersionRow = Selectable<Database["document_versions"]>;

/** A document of this organisation, locked for the transaction when `forUpdate`; 404 otherwise. */
export async function findDocument(
  db: Kysely<Database>,
  orgId: string,
  documentId: string,
  forUpdate = false,
): Promise<DocumentRow> {
  let query = db.selectFrom("documents").selectAll().where("org_id", "=", orgId).where("id", "=", documentId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Document", documentId);
  return row;
}

/** A version of one document of this organisation; 404 when it belongs to another document or organisation. */
export async function findVersion(
  db: Kysely<Database>,
  orgId: string,
  documentId: string,
  versionId: string,
  forUpdate = false,
): Promise<VersionRow> {
  let query = db
    .selectFrom("document_versions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("document_id", "=", documentId)
    .where("id", "=", versionId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Document version", versionId);
  return row;
}

/** Every version of a document, newest first. */
export function listVersions(db: Kysely<Database>, orgId: string, documentId: string): Promise<VersionRow[]> {
  return db
    .selectFrom("document_versions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("document_id", "=", documentId)
    .orderBy("number", "desc")
    .execute();
}

/** Display names of members, by membership id; ids of other organisations are left out. */
export async function loadMemberNames(
  db: Kysely<Database>,
  orgId: string,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.id", "users.name"])
    .where("memberships.org_id", "=", orgId)
    .where("memberships.id", "in", wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The member ids a version names, for loading their names in one query. */
export function memberIdsOf(version: VersionRow): (string | null)[] {
  return [
    version.created_by_member_id,
    version.submitted_by_member_id,
    version.changes_requested_by_member_id,
    version.approved_by_member_id,
    ...version.approver_member_ids,
  ];
}
