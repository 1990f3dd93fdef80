import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";

/**
 * Revisions of one organisation with their system, approver and author. Content and review log are
 * left out; `withContent` adds them for single-record reads.
 */
export function assessmentQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("impact_assessments")
    .innerJoin("ai_systems", "ai_systems.id", "impact_assessments.system_id")
    .leftJoin("users as approver", "approver.id", "impact_assessments.approved_by")
    .select([
      "impact_assessments.id",
      "impact_assessments.ref",
      "impact_assessments.system_id",
      "impact_assessments.revision",
      "impact_assessments.status",
      "impact_assessments.based_on_id",
      "impact_assessments.submitted_at",
      "impact_assessments.approved_at",
      "impact_assessments.approved_by",
      "impact_assessments.system_material_at",
      "impact_assessments.archived_at",
      "impact_assessments.archive_reason",
      "impact_assessments.created_at",
      "impact_assessments.updated_at",
      "impact_assessments.version",
      "approver.name as approver_name",
      "ai_systems.slug as system_slug",
      "ai_systems.name as system_name",
      "ai_systems.material_changed_at as system_material_changed_at",
    ])
    .where("impact_assessments.org_id", "=", orgId);
}

export type AssessmentSummaryRow = Awaited<ReturnType<ReturnType<typeof assessmentQuery>["executeTakeFirstOrThrow"]>>;

function fullAssessmentQuery(db: Kysely<Database>, orgId: string) {
  return assessmentQuery(db, orgId)
    .leftJoin("users as creator", "creator.id", "impact_assessments.created_by")
    .select([
      "impact_assessments.content",
      "impact_assessments.submitted_content_hash",
      "impact_assessments.submitted_system_material_at",
      "impact_assessments.review_log",
      "impact_assessments.created_by",
      "creator.name as creator_name",
      "ai_systems.our_role as system_our_role",
      "ai_systems.impact_tier as system_impact_tier",
      "ai_systems.data_categories as system_data_categories",
      "ai_systems.capabilities as system_capabilities",
      "ai_systems.autonomy as system_autonomy",
      "ai_systems.human_oversight as system_human_oversight",
      "ai_systems.customer_facing as system_customer_facing",
    ]);
}

export type AssessmentRow = Awaited<ReturnType<ReturnType<typeof fullAssessmentQuery>["executeTakeFirstOrThrow"]>>;

/** One revision with its content; a missing id or another organisation's is not found. */
export async function findAssessment(db: Kysely<Database>, orgId: string, id: string): Promise<AssessmentRow> {
  const row = await fullAssessmentQuery(db, orgId).where("impact_assessments.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Impact assessment", id);
  return row;
}

/**
 * Locks a revision for the rest of the transaction (so two reviewers cannot act on it at once)
 * and reads it.
 */
export async function lockAssessment(db: Kysely<Database>, orgId: string, id: string): Promise<AssessmentRow> {
  const locked = await db
    .selectFrom("impact_assessments")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound("Impact assessment", id);
  return findAssessment(db, orgId, id);
}

/** The system an assessment is about, locked: starts and approvals of one system take turns. */
export async function lockSystem(db: Kysely<Database>, orgId: string, systemId: string) {
  const system = await db
    .selectFrom("ai_systems")
    .select(["id", "name", "slug", "intended_use", "archived_at", "material_changed_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", systemId)
    .forUpdate()
    .executeTakeFirst();
  if (!system) throw notFound("AI system", systemId);
  return system;
}

/** The system's approved revision in force and its open one (draft or submitted), if any. */
export async function findCurrentRevisions(db: Kysely<Database>, orgId: string, systemId: string) {
  const rows = await db
    .selectFrom("impact_assessments")
    .select(["id", "ref", "revision", "status", "content"])
    .where("org_id", "=", orgId)
    .where("system_id", "=", systemId)
    .where("archived_at", "is", null)
    .where("status", "in", ["draft", "submitted", "approved"])
    .execute();
  return {
    approved: rows.find((row) => row.status === "approved") ?? null,
    open: rows.find((row) => row.status !== "approved") ?? null,
  };
}

/** A workflow step the revision's status does not allow (409). */
export function illegal(reason: string): AppError {
  return new AppError("illegal_transition", reason);
}
