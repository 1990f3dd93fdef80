import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { riskDateSchema, riskTitleSchema } from "./risk-fields.js";

export const treatmentActionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export const treatmentActionStatusSchema = z.enum(treatmentActionStatuses, {
  message: `must be one of: ${treatmentActionStatuses.join(", ")}`,
});
export type TreatmentActionStatus = z.infer<typeof treatmentActionStatusSchema>;

export const treatmentActionSchema = z
  .object({
    id: idSchema,
    riskId: idSchema,
    title: z.string(),
    owner: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    dueDate: z.string().nullable(),
    status: treatmentActionStatusSchema,
    /** Due date passed while still open or in progress. */
    overdue: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "TreatmentAction" });
export type TreatmentAction = z.infer<typeof treatmentActionSchema>;

export const createTreatmentActionRequestSchema = z.object({
  title: riskTitleSchema,
  ownerMemberId: idSchema.nullable().default(null),
  dueDate: riskDateSchema.nullable().default(null),
});

export const updateTreatmentActionRequestSchema = z.object({
  version: versionSchema,
  title: riskTitleSchema.optional(),
  ownerMemberId: idSchema.nullable().optional(),
  dueDate: riskDateSchema.nullable().optional(),
  status: treatmentActionStatusSchema.optional(),
});
