import { z } from "zod";
import { idSchema, nameSchema, timestampSchema, versionSchema } from "../common.js";
import {
  archivedFilterSchema,
  calendarDateSchema,
  longTextSchema,
  ownerSchema,
  recordStatusSchema,
} from "./inventory-fields.js";
import {
  autonomyLevelSchema,
  dataCategorySchema,
  highImpactReasonSchema,
  impactTierSchema,
  lifecycleStageSchema,
  systemCapabilitySchema,
  systemRoleSchema,
  systemThreatProfileSchema,
} from "./system-attributes.js";

/** The handle that names a system in URLs, files and the command line, e.g. `support-chatbot`. */
export const systemSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and single hyphens, e.g. support-chatbot");

/** Every field a person sets on an AI system, without defaults (updates send only what changes). */
const systemFields = {
  name: nameSchema,
  slug: systemSlugSchema,
  description: longTextSchema,
  /** Why the organisation runs the system. */
  purpose: longTextSchema,
  /** The uses the system is meant for, and for whom (A.9.4). */
  intendedUse: longTextSchema,
  /** What the system must not be relied on for, and known weaknesses. */
  limitations: longTextSchema,
  ourRole: systemRoleSchema,
  lifecycleStage: lifecycleStageSchema,
  impactTier: impactTierSchema,
  /** Required (at least one) when the impact tier is high. */
  highImpactReasons: z.array(highImpactReasonSchema).max(10).meta({ title: "High-impact reasons" }),
  dataCategories: z.array(dataCategorySchema).max(20),
  capabilities: z.array(systemCapabilitySchema).max(20),
  autonomy: autonomyLevelSchema,
  /** How people watch over, correct or stop the system. */
  humanOversight: longTextSchema,
  customerFacing: z.boolean().meta({ title: "Customer-facing" }),
  /** Membership id of the person answerable for the system. */
  ownerId: idSchema.nullable().meta({ title: "Owner" }),
  reviewDate: calendarDateSchema.nullable(),
};

export const createSystemRequestSchema = z.object({
  ...systemFields,
  /** Derived from the name when not given. */
  slug: systemSlugSchema.optional(),
  description: longTextSchema.default(""),
  purpose: longTextSchema.default(""),
  intendedUse: longTextSchema.default(""),
  limitations: longTextSchema.default(""),
  lifecycleStage: lifecycleStageSchema.default("planned"),
  highImpactReasons: systemFields.highImpactReasons.default([]),
  dataCategories: systemFields.dataCategories.default([]),
  capabilities: systemFields.capabilities.default([]),
  humanOversight: longTextSchema.default(""),
  customerFacing: systemFields.customerFacing.default(false),
  ownerId: systemFields.ownerId.default(null),
  reviewDate: systemFields.reviewDate.default(null),
});
export type CreateSystemRequest = z.input<typeof createSystemRequestSchema>;

/** The stored values of a system, as a create request yields them once its slug is settled. */
export type SystemValues = z.output<typeof createSystemRequestSchema> & { slug: string };

/** Changes to a system: only the fields sent are changed. */
export const updateSystemRequestSchema = z.object(systemFields).partial().extend({ version: versionSchema });
export type UpdateSystemRequest = z.input<typeof updateSystemRequestSchema>;

export const aiSystemSchema = z
  .object({
    id: idSchema,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    purpose: z.string(),
    intendedUse: z.string(),
    limitations: z.string(),
    ...systemThreatProfileSchema.shape,
    lifecycleStage: lifecycleStageSchema,
    highImpactReasons: z.array(highImpactReasonSchema),
    humanOversight: z.string(),
    owner: ownerSchema.nullable(),
    reviewDate: z.string().nullable(),
    /** When a field that matters to an impact assessment last changed. */
    materialChangedAt: timestampSchema,
    status: recordStatusSchema,
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "AiSystem" });
export type AiSystem = z.infer<typeof aiSystemSchema>;

export const systemSorts = [
  "name",
  "-name",
  "slug",
  "-slug",
  "createdAt",
  "-createdAt",
  "updatedAt",
  "-updatedAt",
  "materialChangedAt",
  "-materialChangedAt",
] as const;

export const systemListQuerySchema = z.object({
  /** Matches name, slug or description. */
  q: z.string().trim().max(200).optional(),
  lifecycleStage: lifecycleStageSchema.optional(),
  impactTier: impactTierSchema.optional(),
  ownerId: idSchema.optional(),
  /** Exact slug: how tools look a system up by its handle. */
  slug: z.string().trim().toLowerCase().max(80).optional(),
  archived: archivedFilterSchema.default("false"),
  sort: z.enum(systemSorts, { message: `must be one of ${systemSorts.join(", ")}` }).default("name"),
});
