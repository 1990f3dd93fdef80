import { z } from "zod";
import { idSchema, timestampSchema } from "../common.js";
import { impactTierSchema, lifecycleStageSchema } from "../inventory/system-attributes.js";
import { coverageSchema } from "../readiness/readiness-schemas.js";
import { redteamScanStatusSchema } from "../redteam/redteam-attributes.js";
import { dueItemSchema } from "../reminders/reminder-kinds.js";
import { riskRatingSchema } from "../risks/risk-ratings.js";

/** Coverage of one clause (4–10, its sub-clauses counted in) or one Annex A area. */
export const homeCoverageSchema = z.object({
  id: z.string(),
  title: z.string(),
  met: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
});
export type HomeCoverage = z.infer<typeof homeCoverageSchema>;

export const homeReadinessSchema = coverageSchema.extend({
  /** One point per day a score was recorded, oldest first, at most the last 90 days. */
  trend: z.array(z.object({ day: z.string(), percent: z.number().int() })),
  clauses: z.array(homeCoverageSchema),
  areas: z.array(homeCoverageSchema),
});

/** Open risks placed on the organisation's own likelihood × impact matrix (residual once assessed). */
export const homeRiskHeatMapSchema = z.object({
  open: z.number().int(),
  /** Open risks with no likelihood and impact yet; not on the map. */
  unrated: z.number().int(),
  likelihoodLevels: z.array(z.object({ level: z.number().int(), label: z.string() })),
  impactLevels: z.array(z.object({ level: z.number().int(), label: z.string() })),
  /** Every cell of the matrix, likelihood-major, with its rating and count. */
  cells: z.array(
    z.object({
      likelihood: z.number().int(),
      impact: z.number().int(),
      rating: riskRatingSchema,
      count: z.number().int(),
    }),
  ),
});

export const homeSystemsSchema = z.object({
  total: z.number().int(),
  byStage: z.array(z.object({ stage: lifecycleStageSchema, count: z.number().int() })),
  byTier: z.array(z.object({ tier: impactTierSchema, count: z.number().int() })),
});

export const homeEvidenceSchema = z.object({
  windowDays: z.number().int(),
  expiringCount: z.number().int(),
  expiredCount: z.number().int(),
  /** The first few to expire, soonest first. */
  expiring: z.array(z.object({ id: idSchema, ref: z.string(), title: z.string(), validUntil: timestampSchema })),
});

export const homeScanSchema = z.object({
  id: idSchema,
  ref: z.string(),
  system: z.object({ id: idSchema, name: z.string() }),
  status: redteamScanStatusSchema,
  startedAt: timestampSchema,
  cases: z.number().int(),
  vulnerable: z.number().int(),
  /** Vulnerable findings per case, in whole percent. */
  vulnerableRate: z.number().int(),
});

export const homeSchema = z
  .object({
    generatedAt: timestampSchema,
    readiness: homeReadinessSchema,
    risks: homeRiskHeatMapSchema,
    systems: homeSystemsSchema,
    evidence: homeEvidenceSchema,
    /** The latest security tests (red-team scans that finished), newest first. */
    securityTests: z.array(homeScanSchema),
    /** The first few items of the caller's "My work", and how many there are in all. */
    waitingOnMe: z.object({ total: z.number().int(), overdue: z.number().int(), items: z.array(dueItemSchema) }),
  })
  .meta({ id: "Home" });
export type HomeView = z.infer<typeof homeSchema>;
