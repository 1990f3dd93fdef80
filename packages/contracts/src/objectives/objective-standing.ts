import { z } from "zod";
import { idSchema, timestampSchema } from "../common.js";
import {
  objectiveDirectionSchema,
  objectiveMeasureKindSchema,
  objectiveStateSchema,
  objectiveStatusSchema,
} from "./objective-attributes.js";

/**
 * One objective as it stood at a date: its measure, target and the value read at or before that
 * date, with the progress from baseline to target and the state computed from them. The management
 * review pack shows these; the objectives list shows them as of now.
 */
export const objectiveStandingSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    measureKind: objectiveMeasureKindSchema,
    /** The measure in words. */
    measure: z.string(),
    metric: z.object({ id: idSchema, name: z.string() }).nullable(),
    unit: z.string(),
    baseline: z.number().nullable(),
    target: z.number(),
    direction: objectiveDirectionSchema,
    /** The latest value at or before the date: a reading by hand, or the metric's latest observation. */
    current: z.object({ value: z.number(), at: timestampSchema }).nullable(),
    /** 0–100 from baseline to target; null without a baseline or a current value. */
    progressPercent: z.number().min(0).max(100).nullable(),
    state: objectiveStateSchema,
    dueDate: z.string().nullable(),
    status: objectiveStatusSchema,
    ownerName: z.string().nullable(),
  })
  .meta({ id: "ObjectiveStanding" });
export type ObjectiveStanding = z.infer<typeof objectiveStandingSchema>;
