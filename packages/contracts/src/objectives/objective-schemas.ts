import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { calendarDateSchema } from "../inventory/inventory-fields.js";
import {
  objectiveDirectionSchema,
  objectiveMeasureKindSchema,
  objectiveProgressSourceSchema,
  objectiveStatusSchema,
} from "./objective-attributes.js";
import { objectiveStandingSchema } from "./objective-standing.js";

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });
const titleSchema = z.string().trim().min(1, "needs a title").max(200);
const textSchema = z.string().trim().max(5000);
const shortTextSchema = z.string().trim().max(1000);
const valueSchema = z.number().finite();

/** An objective with everything its list row and page show, as it stands now. */
export const objectiveSchema = objectiveStandingSchema
  .extend({
    rationale: z.string(),
    owner: memberRefSchema.nullable(),
    plan: z.object({ what: z.string(), resources: z.string(), when: z.string() }),
    archived: z.boolean(),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Objective" });
export type Objective = z.infer<typeof objectiveSchema>;

/** One reading in an objective's progress history. */
export const objectiveReadingSchema = z
  .object({
    id: idSchema,
    recordedAt: timestampSchema,
    value: z.number(),
    note: z.string(),
    source: objectiveProgressSourceSchema,
    recordedBy: memberRefSchema.nullable(),
  })
  .meta({ id: "ObjectiveReading" });
export type ObjectiveReading = z.infer<typeof objectiveReadingSchema>;

export const objectiveDetailSchema = objectiveSchema
  .extend({
    /** Readings, oldest first. */
    history: z.array(objectiveReadingSchema),
  })
  .meta({ id: "ObjectiveDetail" });
export type ObjectiveDetail = z.infer<typeof objectiveDetailSchema>;

export const objectiveListQuerySchema = z.object({
  status: objectiveStatusSchema.optional(),
  ownerMemberId: idSchema.optional(),
  /** Archived objectives are left out unless asked for. */
  archived: z.enum(["active", "archived", "all"], { message: "must be active, archived or all" }).default("active"),
});

const planShape = {
  planWhat: textSchema,
  planResources: textSchema,
  planWhen: shortTextSchema,
};

/** A metric measure names its metric; a measure by hand must not. */
function checkMeasure(
  value: { measureKind?: string | undefined; metricId?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.measureKind === "metric" && !value.metricId)
    ctx.addIssue({ code: "custom", path: ["metricId"], message: "is required when the measure is a monitored metric" });
  if (value.measureKind === "manual" && value.metricId)
    ctx.addIssue({ code: "custom", path: ["metricId"], message: "must be empty when the measure is read by hand" });
}

export const createObjectiveRequestSchema = z
  .object({
    title: titleSchema,
    /** Why the objective matters. */
    rationale: textSchema.default(""),
    measureKind: objectiveMeasureKindSchema,
    /** The measure in words: what is counted and how. */
    measure: textSchema.default(""),
    metricId: idSchema.nullable().default(null),
    unit: z.string().trim().max(40).default(""),
    baseline: valueSchema.nullable().default(null),
    target: valueSchema,
    direction: objectiveDirectionSchema,
    ownerMemberId: idSchema.nullable().default(null),
    dueDate: calendarDateSchema.nullable().default(null),
    planWhat: planShape.planWhat.default(""),
    planResources: planShape.planResources.default(""),
    planWhen: planShape.planWhen.default(""),
  })
  .superRefine(checkMeasure);
export type CreateObjectiveRequest = z.input<typeof createObjectiveRequestSchema>;

export const updateObjectiveRequestSchema = z
  .object({
    version: versionSchema,
    title: titleSchema.optional(),
    rationale: textSchema.optional(),
    measureKind: objectiveMeasureKindSchema.optional(),
    measure: textSchema.optional(),
    metricId: idSchema.nullable().optional(),
    unit: z.string().trim().max(40).optional(),
    baseline: valueSchema.nullable().optional(),
    target: valueSchema.optional(),
    direction: objectiveDirectionSchema.optional(),
    ownerMemberId: idSchema.nullable().optional(),
    dueDate: calendarDateSchema.nullable().optional(),
    planWhat: planShape.planWhat.optional(),
    planResources: planShape.planResources.optional(),
    planWhen: planShape.planWhen.optional(),
    status: objectiveStatusSchema.optional(),
  })
  .superRefine(checkMeasure);
export type UpdateObjectiveRequest = z.input<typeof updateObjectiveRequestSchema>;

/**
 * A progress reading: typed in (a value, when it was measured, a note) for a measure read by hand,
 * or taken from the metric — its latest observation at that time — for a metric measure.
 */
export const recordObjectiveProgressRequestSchema = z.discriminatedUnion(
  "source",
  [
    z.object({
      source: z.literal("manual"),
      value: valueSchema,
      /** When the value was measured; now when not given. */
      recordedAt: timestampSchema.optional(),
      note: shortTextSchema.default(""),
    }),
    z.object({
      source: z.literal("metric"),
      /** The metric's latest observation at or before this time is recorded; now when not given. */
      recordedAt: timestampSchema.optional(),
      note: shortTextSchema.default(""),
    }),
  ],
  { message: "source must be manual (a value typed in) or metric (from the monitored metric)" },
);
export type RecordObjectiveProgressRequest = z.input<typeof recordObjectiveProgressRequestSchema>;
