import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { calendarDateSchema } from "../inventory/inventory-fields.js";
import { redteamSeveritySchema } from "../redteam/redteam-attributes.js";
import {
  correctiveActionStatusSchema,
  effectivenessResultSchema,
  nonconformitySeveritySchema,
  nonconformitySourceSchema,
  nonconformityStatusSchema,
  raisedNonconformitySources,
  rootCauseMethodSchema,
} from "./nonconformity-attributes.js";

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });

export const nonconformityTitleSchema = z.string().trim().min(1, "needs a title").max(200);
export const nonconformityTextSchema = z.string().trim().max(5000);

export const nonconformitySchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    source: nonconformitySourceSchema,
    /** The record it was raised from: the red-team finding, incident or alert; empty when raised by hand. */
    sourceId: idSchema.nullable(),
    /** The source record's reference, e.g. INC-3, or the scan's reference for a red-team finding. */
    sourceRef: z.string().nullable(),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }).nullable(),
    severity: nonconformitySeveritySchema,
    /** The finding's own severity when raised from a red-team finding. */
    redteamSeverity: redteamSeveritySchema.nullable(),
    status: nonconformityStatusSchema,
    raisedBy: memberRefSchema.nullable(),
    closedAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Nonconformity" });
export type Nonconformity = z.infer<typeof nonconformitySchema>;

export const correctiveActionSchema = z
  .object({
    id: idSchema,
    nonconformityId: idSchema,
    title: z.string(),
    owner: memberRefSchema.nullable(),
    dueDate: z.string().nullable(),
    status: correctiveActionStatusSchema,
    /** When it was marked done. */
    doneAt: timestampSchema.nullable(),
    /** Due date passed while still open or in progress. */
    overdue: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "CorrectiveAction" });
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;

export const effectivenessCheckSchema = z
  .object({
    id: idSchema,
    checkedOn: z.string(),
    method: z.string(),
    result: effectivenessResultSchema,
    notes: z.string(),
    checkedBy: memberRefSchema.nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: "EffectivenessCheck" });
export type EffectivenessCheck = z.infer<typeof effectivenessCheckSchema>;

export const nonconformityDetailSchema = nonconformitySchema
  .extend({
    /** What was done at once to contain it. */
    correction: z.string(),
    rootCause: z.string(),
    rootCauseMethod: rootCauseMethodSchema.nullable(),
    actions: z.array(correctiveActionSchema),
    /** Every check, newest first; a not-effective one stays here after the nonconformity reopens. */
    checks: z.array(effectivenessCheckSchema),
    /** What still stands between this nonconformity and closing, in plain words; empty once closed. */
    missing: z.array(z.string()),
  })
  .meta({ id: "NonconformityDetail" });
export type NonconformityDetail = z.infer<typeof nonconformityDetailSchema>;

export const nonconformityListQuerySchema = z.object({
  systemId: idSchema.optional(),
  status: nonconformityStatusSchema.optional(),
  severity: nonconformitySeveritySchema.optional(),
  source: nonconformitySourceSchema.optional(),
  /** Nonconformities raised from one record, e.g. an incident. */
  sourceId: idSchema.optional(),
});

export const createNonconformityRequestSchema = z.object({
  title: nonconformityTitleSchema,
  description: nonconformityTextSchema.default(""),
  severity: nonconformitySeveritySchema,
  source: z.enum(raisedNonconformitySources, { message: "must be manual, incident, alert or audit" }),
  /** The incident, alert or audit it was found in; required for an incident or alert. */
  sourceId: idSchema.nullable().optional(),
  systemId: idSchema.nullable().optional(),
});

export const updateNonconformityRequestSchema = z.object({
  version: versionSchema,
  title: nonconformityTitleSchema.optional(),
  description: nonconformityTextSchema.optional(),
  severity: nonconformitySeveritySchema.optional(),
  systemId: idSchema.nullable().optional(),
  correction: nonconformityTextSchema.optional(),
  rootCause: nonconformityTextSchema.optional(),
  rootCauseMethod: rootCauseMethodSchema.nullable().optional(),
});

export const createCorrectiveActionRequestSchema = z.object({
  title: nonconformityTitleSchema,
  ownerMemberId: idSchema.nullable().default(null),
  dueDate: calendarDateSchema.nullable().default(null),
});

export const updateCorrectiveActionRequestSchema = z.object({
  version: versionSchema,
  title: nonconformityTitleSchema.optional(),
  ownerMemberId: idSchema.nullable().optional(),
  dueDate: calendarDateSchema.nullable().optional(),
  status: correctiveActionStatusSchema.optional(),
});

export const recordEffectivenessCheckRequestSchema = z.object({
  /** The nonconformity's version. */
  version: versionSchema,
  checkedOn: calendarDateSchema,
  method: z.string().trim().min(1, "say how effectiveness was checked").max(500),
  result: effectivenessResultSchema,
  notes: nonconformityTextSchema.default(""),
});
