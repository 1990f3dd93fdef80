import { z } from "zod";
import { idSchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import { improvementSourceSchema, improvementStatusSchema } from "./nonconformity-attributes.js";
import { nonconformityTextSchema, nonconformityTitleSchema } from "./nonconformity-schemas.js";

/** An opportunity for improvement in the improvement log (clause 10.1). */
export const improvementSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    source: improvementSourceSchema,
    /** The record it came from (incident, alert, nonconformity, concern…), when there is one. */
    sourceId: idSchema.nullable(),
    /** The source record's reference, e.g. INC-3, for links back to it. */
    sourceRef: z.string().nullable(),
    owner: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    status: improvementStatusSchema,
    declineReason: z.string().nullable(),
    raisedBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Improvement" });
export type Improvement = z.infer<typeof improvementSchema>;

export const improvementListQuerySchema = z.object({
  status: improvementStatusSchema.optional(),
  source: improvementSourceSchema.optional(),
  sourceId: idSchema.optional(),
});

export const createImprovementRequestSchema = z.object({
  title: nonconformityTitleSchema,
  description: nonconformityTextSchema.default(""),
  source: improvementSourceSchema,
  sourceId: idSchema.nullable().optional(),
  ownerMemberId: idSchema.nullable().default(null),
});

export const updateImprovementRequestSchema = z.object({
  version: versionSchema,
  title: nonconformityTitleSchema.optional(),
  description: nonconformityTextSchema.optional(),
  ownerMemberId: idSchema.nullable().optional(),
  status: improvementStatusSchema.optional(),
  /** Required when declining. */
  declineReason: reasonSchema.optional(),
});
