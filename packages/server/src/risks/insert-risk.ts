import { randomUUID } from "node:crypto";
import type { RiskMethodBody, TreatmentOption } from "@openaims/contracts";
import { checkRiskLevels, diffChanges, initialRiskStatus, type RiskLevels, rateRiskLevels } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { nextRef } from "../records/next-ref.js";
import { invalidBody } from "./field-errors.js";
import { auditableRisk, type RiskRecord } from "./risk-queries.js";

/** A risk to add, with its references already checked. */
export interface NewRisk {
  title: string;
  description: string;
  systemId: string | null;
  threatId: string | null;
  riskSources: string[];
  ownerMemberId: string | null;
  levels: RiskLevels;
  treatmentOption: TreatmentOption | null;
  reviewDate: string | null;
}

/**
 * Adds a risk to the register under the next R-n reference, rated by the organisation's method, and
 * records it in the audit trail. Levels off the method's scales answer 400 naming the field.
 */
export async function insertRisk(
  tx: Kysely<Database>,
  orgId: string,
  method: RiskMethodBody,
  input: NewRisk,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<RiskRecord> {
  const problems = checkRiskLevels(method, input.levels);
  if (problems.length > 0) throw invalidBody(problems);
  const ratings = rateRiskLevels(method, input.levels);
  const row = await tx
    .insertInto("risks")
    .values({
      id: randomUUID(),
      org_id: orgId,
      ref: await nextRef(tx, orgId, "risk", "R"),
      system_id: input.systemId,
      title: input.title,
      description: input.description,
      threat_id: input.threatId,
      risk_sources: JSON.stringify(input.riskSources),
      status: initialRiskStatus(ratings.inherentRating !== null),
      owner_member_id: input.ownerMemberId,
      inherent_likelihood: input.levels.inherentLikelihood,
      inherent_impact: input.levels.inherentImpact,
      inherent_rating: ratings.inherentRating,
      treatment_option: input.treatmentOption,
      residual_likelihood: input.levels.residualLikelihood,
      residual_impact: input.levels.residualImpact,
      residual_rating: ratings.residualRating,
      rating_rank: ratings.ratingRank,
      review_date: input.reviewDate,
      // Assessing a risk for the first time is its first review.
      reviewed_at: sql<Date>`now()`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: "risk.created",
    entityType: "risk",
    entityId: row.id,
    changes: diffChanges(null, { ref: row.ref, ...auditableRisk(row) }),
  });
  return row;
}
