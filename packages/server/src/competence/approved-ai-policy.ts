import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/** The AI policy version in force: document, ref, title and the approved version's id and number. */
export interface ApprovedAiPolicy {
  documentId: string;
  ref: string;
  title: string;
  versionId: string;
  versionNumber: number;
  approvedAt: Date;
}

/**
 * The organisation's AI policy version in force at `at`: the newest approval, among documents of
 * kind `ai_policy` not archived by then, that had not been superseded or retired by then. Null when
 * the organisation has no approved AI policy.
 */
export async function approvedAiPolicyAt(
  db: Kysely<Database>,
  orgId: string,
  at: Date,
): Promise<ApprovedAiPolicy | null> {
  const row = await db
    .selectFrom("document_versions as v")
    .innerJoin("documents as d", "d.id", "v.document_id")
    .select([
      "d.id as documentId",
      "d.ref",
      "d.title",
      "v.id as versionId",
      "v.number as versionNumber",
      "v.approved_at as approvedAt",
    ])
    .where("d.org_id", "=", orgId)
    .where("v.org_id", "=", orgId)
    .where("d.kind", "=", "ai_policy")
    .where("v.approved_at", "<=", at)
    .where((eb) => eb.or([eb("d.archived_at", "is", null), eb("d.archived_at", ">", at)]))
    .where((eb) => eb.or([eb("v.superseded_at", "is", null), eb("v.superseded_at", ">", at)]))
    .where((eb) => eb.or([eb("v.retired_at", "is", null), eb("v.retired_at", ">", at)]))
    .orderBy("v.approved_at", "desc")
    .orderBy("v.id")
    .limit(1)
    .executeTakeFirst();
  if (!row || row.approvedAt === null) return null;
  return { ...row, approvedAt: row.approvedAt };
}
