import { z } from "zod";
import { idSchema, roleSchema, timestampSchema, versionSchema } from "../common.js";
import { impactTierSchema, lifecycleStageSchema, lifecycleStages } from "../inventory/system-attributes.js";
import { gateCheckConfigSchema, gateCheckKindSchema } from "./gate-checks.js";

/** Stages as a caller may name them: the inventory's stages, with `deployed` accepted for `deployment`. */
const stageWords = [...lifecycleStages, "deployed"] as const;

/**
 * A lifecycle stage given by a caller (API or CLI). `deployed` is accepted as another name for
 * `deployment`, the word release pipelines tend to use.
 */
export const gateStageSchema = z
  .enum(stageWords, { message: `must be one of ${lifecycleStages.join(", ")} (or deployed for deployment)` })
  .transform((stage) => (stage === "deployed" ? "deployment" : stage))
  .meta({ title: "Stage" });

/** What a gate decision came to: passed, failed, or passed by an approved override of a failure. */
export const gateResults = ["passed", "failed", "overridden"] as const;
export const gateResultSchema = z.enum(gateResults);
export type GateResult = z.infer<typeof gateResultSchema>;

/** requested: awaiting a second member's approval; approved: the system moved on; withdrawn: dropped. */
export const gateOverrideStatuses = ["requested", "approved", "withdrawn"] as const;
export const gateOverrideStatusSchema = z.enum(gateOverrideStatuses);
export type GateOverrideStatus = z.infer<typeof gateOverrideStatusSchema>;

/** The checklist for one target stage and impact tier; `configured` is false while it is the default. */
export const gateChecklistSchema = z
  .object({
    stage: lifecycleStageSchema,
    impactTier: impactTierSchema,
    checks: z.array(gateCheckConfigSchema),
    configured: z.boolean(),
    updatedAt: timestampSchema.nullable(),
  })
  .meta({ id: "GateChecklist" });
export type GateChecklist = z.infer<typeof gateChecklistSchema>;

export const gateChecklistsSchema = z.object({ items: z.array(gateChecklistSchema) });

export const replaceGateChecklistRequestSchema = z.object({
  /** The stage the checklist leads into; deployed is accepted for deployment. */
  stage: gateStageSchema,
  impactTier: impactTierSchema,
  /** The checks in the order they are shown; an empty list lets every system of the tier through. */
  checks: z.array(gateCheckConfigSchema).max(10, "must have at most 10 checks").meta({ title: "Checks" }),
});

export const gateQuerySchema = z.object({
  /** The stage to move into; the next stage after the system's current one when not given. */
  stage: gateStageSchema.optional(),
});

/** One check as evaluated: its configuration, what it required and what it found. */
export const gateCheckResultSchema = z.object({
  kind: gateCheckKindSchema,
  passed: z.boolean(),
  requirement: z.string(),
  finding: z.string(),
  config: gateCheckConfigSchema,
});
export type GateCheckResultView = z.infer<typeof gateCheckResultSchema>;

export const gateSignOffSchema = z
  .object({
    id: idSchema,
    systemId: idSchema,
    stage: lifecycleStageSchema,
    role: roleSchema,
    signedBy: z.string(),
    note: z.string(),
    signedAt: timestampSchema,
  })
  .meta({ id: "GateSignOff" });
export type GateSignOff = z.infer<typeof gateSignOffSchema>;

const systemRefSchema = z.object({
  id: idSchema,
  slug: z.string(),
  name: z.string(),
  lifecycleStage: lifecycleStageSchema,
  impactTier: impactTierSchema,
});

export const gateOverrideSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }),
    fromStage: lifecycleStageSchema,
    toStage: lifecycleStageSchema,
    reason: z.string(),
    status: gateOverrideStatusSchema,
    failedDecisionId: idSchema,
    decisionId: idSchema.nullable(),
    requestedBy: z.string(),
    requestedByMemberId: idSchema,
    approvedBy: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "GateOverride" });
export type GateOverride = z.infer<typeof gateOverrideSchema>;

/** A gate evaluated now from the records, without recording anything. */
export const gateReportSchema = z
  .object({
    system: systemRefSchema,
    fromStage: lifecycleStageSchema,
    stage: lifecycleStageSchema,
    /** True when the stage is ahead of the current one, so a passed decision would move the system. */
    forward: z.boolean(),
    passed: z.boolean(),
    checks: z.array(gateCheckResultSchema),
    configured: z.boolean(),
    signOffs: z.array(gateSignOffSchema),
    pendingOverride: gateOverrideSchema.nullable(),
    evaluatedAt: timestampSchema,
  })
  .meta({ id: "GateReport" });
export type GateReport = z.infer<typeof gateReportSchema>;

/** The facts a decision saw, as recorded in its snapshot (dates as ISO-8601 text). */
export const gateFactsSnapshotSchema = z.object({
  now: timestampSchema,
  impactAssessment: z.object({ state: z.string(), ref: z.string().nullable() }),
  risks: z.array(
    z.object({
      ref: z.string(),
      rating: z.string().nullable(),
      open: z.boolean(),
      reviewedAt: z.string().nullable(),
      needsReReview: z.boolean(),
      acceptedUntil: z.string().nullable(),
    }),
  ),
  latestScan: z.object({ ref: z.string(), finishedAt: z.string(), openFindings: z.array(z.string()) }).nullable(),
  signOffs: z.array(z.object({ role: z.string(), name: z.string() })),
});

/** Everything a decision recorded, never changed afterwards. */
export const gateSnapshotSchema = z.object({
  system: z.object({ id: idSchema, slug: z.string(), name: z.string(), impactTier: impactTierSchema }),
  fromStage: lifecycleStageSchema,
  toStage: lifecycleStageSchema,
  checklist: z.array(gateCheckConfigSchema),
  checklistConfigured: z.boolean(),
  facts: gateFactsSnapshotSchema,
  checks: z.array(gateCheckResultSchema),
  passed: z.boolean(),
  override: z
    .object({ ref: z.string(), reason: z.string(), requestedBy: z.string(), approvedBy: z.string() })
    .nullable(),
  decidedBy: z.string(),
  decidedAt: timestampSchema,
});
export type GateSnapshot = z.infer<typeof gateSnapshotSchema>;

export const gateDecisionSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }),
    fromStage: lifecycleStageSchema,
    toStage: lifecycleStageSchema,
    result: gateResultSchema,
    snapshot: gateSnapshotSchema,
    snapshotSha256: z.string(),
    decidedBy: z.string(),
    decidedAt: timestampSchema,
  })
  .meta({ id: "GateDecision" });
export type GateDecision = z.infer<typeof gateDecisionSchema>;

export const decideGateRequestSchema = z.object({
  stage: gateStageSchema,
  /** The system's version the caller saw; refused as stale when it changed since. */
  version: versionSchema.optional(),
});

export const gateDecisionListQuerySchema = z.object({
  systemId: idSchema.optional().meta({ title: "AI system" }),
  result: gateResultSchema.optional().meta({ title: "Result" }),
});

export const signOffGateRequestSchema = z.object({
  stage: gateStageSchema,
  note: z.string().trim().max(2000, "must be at most 2000 characters").default("").meta({ title: "Note" }),
});

export const requestGateOverrideRequestSchema = z.object({
  stage: gateStageSchema,
  reason: z
    .string()
    .trim()
    .min(10, "must say why in at least 10 characters")
    .max(2000, "must be at most 2000 characters")
    .meta({ title: "Reason" }),
});

export const gateOverrideListQuerySchema = z.object({
  status: gateOverrideStatusSchema.optional().meta({ title: "Status" }),
});

export const gateOverrideActionRequestSchema = z.object({ version: versionSchema });

/** A DSSE envelope carrying an in-toto Statement v1 about a gate decision. */
export const releaseAttestationSchema = z
  .object({
    payloadType: z.string(),
    payload: z.string(),
    signatures: z.array(z.object({ keyid: z.string().optional(), sig: z.string() })),
  })
  .meta({ id: "ReleaseAttestation" });
export type ReleaseAttestation = z.infer<typeof releaseAttestationSchema>;

/** The predicate type of a release gate decision statement. */
export const RELEASE_GATE_PREDICATE_TYPE = "https://openaims.dev/attestations/release-gate/v1";
