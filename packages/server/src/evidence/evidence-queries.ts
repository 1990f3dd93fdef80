import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Evidence rows of one organisation, with the name of the person who added each. */
export function evidenceQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("evidence")
    .leftJoin("memberships", "memberships.id", "evidence.created_by_member_id")
    .leftJoin("users", "users.id", "memberships.user_id")
    .selectAll("evidence")
    .select("users.name as created_by_name")
    .where("evidence.org_id", "=", orgId);
}

export type EvidenceRow = Awaited<ReturnType<ReturnType<typeof evidenceQuery>["executeTakeFirstOrThrow"]>>;

/** One piece of evidence of the organisation; a missing or foreign id is not found. */
export async function findEvidence(
  db: Kysely<Database>,
  orgId: string,
  evidenceId: string,
  forUpdate = false,
): Promise<EvidenceRow> {
  let query = evidenceQuery(db, orgId).where("evidence.id", "=", evidenceId);
  if (forUpdate) query = query.forUpdate("evidence");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Evidence", evidenceId);
  return row;
}

/** The active links of the given evidence, with the ref and title of what each points at. */
export async function findActiveLinks(db: Kysely<Database>, orgId: string, evidenceIds: readonly string[]) {
  if (evidenceIds.length === 0) return [];
  return db
    .selectFrom("evidence_links")
    .leftJoin("controls", (join) =>
      join.onRef("controls.id", "=", "evidence_links.target_id").on("evidence_links.target_type", "=", "control"),
    )
    .leftJoin("risks", (join) =>
      join.onRef("risks.id", "=", "evidence_links.target_id").on("evidence_links.target_type", "=", "risk"),
    )
    .leftJoin("ai_systems", (join) =>
      join.onRef("ai_systems.id", "=", "evidence_links.target_id").on("evidence_links.target_type", "=", "system"),
    )
    .leftJoin("ai_assets", (join) =>
      join.onRef("ai_assets.id", "=", "evidence_links.target_id").on("evidence_links.target_type", "=", "asset"),
    )
    .select([
      "evidence_links.id",
      "evidence_links.evidence_id",
      "evidence_links.target_type",
      "evidence_links.target_id",
      "evidence_links.clause_id",
      "evidence_links.created_at",
      "controls.ref as control_ref",
      "controls.title as control_title",
      "risks.ref as risk_ref",
      "risks.title as risk_title",
      "ai_systems.slug as system_slug",
      "ai_systems.name as system_name",
      "ai_assets.name as asset_name",
    ])
    .where("evidence_links.org_id", "=", orgId)
    .where("evidence_links.evidence_id", "in", evidenceIds)
    .where("evidence_links.archived_at", "is", null)
    .orderBy("evidence_links.created_at")
    .orderBy("evidence_links.id")
    .execute();
}

export type LinkRow = Awaited<ReturnType<typeof findActiveLinks>>[number];

/** Groups link rows by the evidence they belong to. */
export function linksByEvidence(links: readonly LinkRow[]): Map<string, LinkRow[]> {
  const grouped = new Map<string, LinkRow[]>();
  for (const link of links) {
    const list = grouped.get(link.evidence_id) ?? [];
    list.push(link);
    grouped.set(link.evidence_id, list);
  }
  return grouped;
}
