import type {
  ImpactAssessment,
  ImpactAssessmentStatus,
  ImpactAssessmentSummary,
  ImpactContent,
  SystemThreatProfile,
} from "@openaims/contracts";
import {
  dimensionLevel,
  hashImpactContent,
  highestRating,
  type ImpactFocusProfile,
  impactFocusHints,
  impactStaleness,
} from "@openaims/core";
import type { AssessmentRow, AssessmentSummaryRow } from "./impact-assessment-queries.js";

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** A revision as lists show it: status, approval and whether it is stale, without the content. */
export function presentAssessmentSummary(row: AssessmentSummaryRow): ImpactAssessmentSummary {
  const status = row.status as ImpactAssessmentStatus;
  const staleness = impactStaleness({
    status,
    systemMaterialAt: row.system_material_at,
    systemMaterialChangedAt: row.system_material_changed_at,
  });
  return {
    id: row.id,
    ref: row.ref,
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    revision: row.revision,
    status,
    basedOnId: row.based_on_id,
    submittedAt: iso(row.submitted_at),
    approvedAt: iso(row.approved_at),
    approvedBy: row.approved_by ? { id: row.approved_by, name: row.approver_name ?? "" } : null,
    systemMaterialAt: iso(row.system_material_at),
    stale: staleness.stale,
    staleReason: staleness.reason,
    archivedAt: iso(row.archived_at),
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** The system attributes impact hints are derived from. */
function profileOf(row: AssessmentRow): ImpactFocusProfile {
  return {
    humanOversight: row.system_human_oversight,
    ourRole: row.system_our_role as SystemThreatProfile["ourRole"],
    impactTier: row.system_impact_tier as SystemThreatProfile["impactTier"],
    dataCategories: row.system_data_categories as SystemThreatProfile["dataCategories"],
    capabilities: row.system_capabilities as SystemThreatProfile["capabilities"],
    autonomy: row.system_autonomy as SystemThreatProfile["autonomy"],
    customerFacing: row.system_customer_facing,
  };
}

/** A full revision: content with its hash, impact levels per dimension, hints and review log. */
export function presentAssessment(row: AssessmentRow): ImpactAssessment {
  const content = row.content as ImpactContent;
  const levels = content.dimensions.map(dimensionLevel);
  return {
    ...presentAssessmentSummary(row),
    content,
    contentHash: hashImpactContent(content),
    submittedContentHash: row.submitted_content_hash,
    dimensionLevels: levels,
    highestLevel: highestRating(levels),
    focusHints: impactFocusHints(profileOf(row)),
    createdBy: row.created_by ? { id: row.created_by, name: row.creator_name ?? "" } : null,
    reviewLog: row.review_log,
  };
}
