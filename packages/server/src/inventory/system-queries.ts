import type {
  AiSystem,
  AutonomyLevel,
  DataCategory,
  HighImpactReason,
  ImpactTier,
  LifecycleStage,
  SystemCapability,
  SystemRole,
  SystemValues,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import { presentOwner } from "./owners.js";

/** Systems of one organisation with their owner's name and e-mail. */
export function systemQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("ai_systems")
    .leftJoin("memberships as owner", "owner.id", "ai_systems.owner_member_id")
    .leftJoin("users as owner_user", "owner_user.id", "owner.user_id")
    .selectAll("ai_systems")
    .select(["owner_user.name as owner_name", "owner_user.email as owner_email"])
    .where("ai_systems.org_id", "=", orgId);
}

export type SystemRow = Awaited<ReturnType<ReturnType<typeof systemQuery>["executeTakeFirstOrThrow"]>>;

/**
 * An AI system of the organisation, or the 404 every module gives for an unknown or foreign id.
 * Other modules (risks, impact assessments, evidence) call this to check a `systemId` they are given;
 * `forUpdate` locks the row until the transaction ends.
 */
export async function findSystem(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
  forUpdate = false,
): Promise<SystemRow> {
  let query = systemQuery(db, orgId).where("ai_systems.id", "=", systemId);
  if (forUpdate) query = query.forUpdate("ai_systems");
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("AI system", systemId);
  return row;
}

/** The values a person set on a stored system, in the shape of a create request. */
export function systemValuesOf(row: SystemRow): SystemValues {
  return {
    name: row.name,
    slug: row.slug,
    description: row.description,
    purpose: row.purpose,
    intendedUse: row.intended_use,
    limitations: row.limitations,
    ourRole: row.our_role as SystemRole,
    lifecycleStage: row.lifecycle_stage as LifecycleStage,
    impactTier: row.impact_tier as ImpactTier,
    highImpactReasons: row.high_impact_reasons as HighImpactReason[],
    dataCategories: row.data_categories as DataCategory[],
    capabilities: row.capabilities as SystemCapability[],
    autonomy: row.autonomy as AutonomyLevel,
    humanOversight: row.human_oversight,
    customerFacing: row.customer_facing,
    ownerId: row.owner_member_id,
    reviewDate: row.review_date,
  };
}

/** The columns that store a system's values. */
export function systemColumnsOf(values: SystemValues) {
  return {
    slug: values.slug,
    name: values.name,
    description: values.description,
    purpose: values.purpose,
    intended_use: values.intendedUse,
    limitations: values.limitations,
    our_role: values.ourRole,
    lifecycle_stage: values.lifecycleStage,
    impact_tier: values.impactTier,
    high_impact_reasons: JSON.stringify(values.highImpactReasons),
    data_categories: JSON.stringify(values.dataCategories),
    capabilities: JSON.stringify(values.capabilities),
    autonomy: values.autonomy,
    human_oversight: values.humanOversight,
    customer_facing: values.customerFacing,
    owner_member_id: values.ownerId,
    review_date: values.reviewDate,
  };
}

export function presentSystem(row: SystemRow): AiSystem {
  const { ownerId: _ownerId, ...values } = systemValuesOf(row);
  return {
    id: row.id,
    ...values,
    owner: presentOwner(row),
    materialChangedAt: row.material_changed_at.toISOString(),
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Refuses a slug another system of the organisation already has (archived ones included). */
export async function assertSlugFree(
  db: Kysely<Database>,
  orgId: string,
  slug: string,
  exceptId: string | null = null,
): Promise<void> {
  let query = db.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("slug", "=", slug);
  if (exceptId) query = query.where("id", "<>", exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError(
      "conflict",
      `Another AI system of this organisation already has the slug '${slug}'. Choose another slug.`,
      { fields: [{ field: "body.slug", label: "Slug", message: "is already used by another system" }] },
    );
  }
}
