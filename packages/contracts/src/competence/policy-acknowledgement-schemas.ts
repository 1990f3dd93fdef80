import { z } from "zod";
import { idSchema, roleSchema, timestampSchema } from "../common.js";

/** The approved AI policy version in force, which members are asked to acknowledge. */
export const currentAiPolicySchema = z
  .object({
    documentId: idSchema,
    ref: z.string(),
    title: z.string(),
    versionId: idSchema,
    versionNumber: z.number().int(),
    approvedAt: timestampSchema,
  })
  .meta({ id: "CurrentAiPolicy" });
export type CurrentAiPolicy = z.infer<typeof currentAiPolicySchema>;

/** The signed-in member's standing: whether they still need to acknowledge the policy in force. */
export const myPolicyAcknowledgementSchema = z
  .object({
    /** Null while the organisation has no approved AI policy. */
    policy: currentAiPolicySchema.nullable(),
    acknowledgedAt: timestampSchema.nullable(),
    needsAcknowledgement: z.boolean(),
  })
  .meta({ id: "MyPolicyAcknowledgement" });
export type MyPolicyAcknowledgement = z.infer<typeof myPolicyAcknowledgementSchema>;

export const acknowledgePolicyRequestSchema = z.object({
  /** The approved version read; anything but the version in force is refused. */
  versionId: idSchema,
});

export const policyAcknowledgementListQuerySchema = z.object({
  /** Only those who have, or have not yet, acknowledged the version in force. */
  acknowledged: z.enum(["yes", "no"], { message: "must be yes or no" }).optional(),
});

/** Who has and who has not acknowledged the version in force, by name. */
export const policyAcknowledgementListSchema = z
  .object({
    policy: currentAiPolicySchema.nullable(),
    acknowledgedCount: z.number().int(),
    memberCount: z.number().int(),
    items: z.array(
      z.object({
        member: z.object({ id: idSchema, name: z.string(), email: z.string(), role: roleSchema }),
        acknowledgedAt: timestampSchema.nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "PolicyAcknowledgementList" });
export type PolicyAcknowledgementList = z.infer<typeof policyAcknowledgementListSchema>;
