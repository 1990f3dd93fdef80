import type { ReviewPack } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { trainingCoverageAsOf } from "../competence/index.js";
import { objectivesAsOf } from "../objectives/index.js";
import { auditsSection } from "./pack/audits-section.js";
import { improvementsSection } from "./pack/improvements-section.js";
import { incidentsSection } from "./pack/incidents-section.js";
import { monitoringSection } from "./pack/monitoring-section.js";
import { nonconformitiesSection } from "./pack/nonconformities-section.js";
import { packPeriod, sectionHeader } from "./pack/pack-period.js";
import { previousActionsSection } from "./pack/previous-actions-section.js";
import { risksSection } from "./pack/risks-section.js";
import { compareScopes, externalInternalIssuesSection, interestedPartiesSection } from "./pack/scope-sections.js";

/**
 * Compiles the management review input pack (9.3.2) from an organisation's records as of `asOf`:
 * exactly one key per input of `reviewInputs`, in that order. Each section reads the records created
 * at or before asOf and reports on the period since the previous closed review's pack; where a
 * module keeps only a record's current state, its section says how far "as of" reaches. Counts are
 * aggregated in SQL and every list that could grow large is bounded (PACK_LIST_LIMIT) with its total.
 * `reviewId` names the review being compiled for, so its own actions are not counted as earlier ones.
 */
export async function compileReviewPack(
  db: Kysely<Database>,
  orgId: string,
  asOf: Date,
  options: { reviewId?: string } = {},
): Promise<ReviewPack> {
  const period = await packPeriod(db, orgId, asOf, options.reviewId ?? null);
  const [
    previousActions,
    scopes,
    nonconformities,
    monitoring,
    audits,
    incidents,
    objectives,
    coverage,
    risks,
    improvements,
  ] = await Promise.all([
    previousActionsSection(db, period),
    compareScopes(db, period),
    nonconformitiesSection(db, period),
    monitoringSection(db, period),
    auditsSection(db, period),
    incidentsSection(db, period),
    objectivesAsOf(db, orgId, asOf),
    trainingCoverageAsOf(db, orgId, asOf),
    risksSection(db, period),
    improvementsSection(db, period),
  ]);
  return {
    previousActions,
    externalInternalIssues: externalInternalIssuesSection(period, scopes),
    interestedParties: interestedPartiesSection(period, scopes),
    nonconformities,
    monitoring,
    audits,
    incidents,
    objectives: { ...sectionHeader("objectives", period), objectives },
    competence: { ...sectionHeader("competence", period), coverage },
    risks,
    improvements,
  };
}
