import { z } from "zod";
import { emailSchema, idSchema, nameSchema, passwordSchema, roleSchema, timestampSchema } from "./common.js";

export const invitationStatuses = ["pending", "accepted", "revoked", "expired"] as const;

export const invitationSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    role: roleSchema,
    status: z.enum(invitationStatuses),
    invitedBy: z.object({ id: idSchema, name: z.string() }),
    expiresAt: timestampSchema,
    createdAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationRequestSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

/** The invitation link is returned once, to the inviter, and e-mailed when SMTP is configured. */
export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  acceptUrl: z.string(),
  emailSent: z.boolean(),
});

export const invitationListQuerySchema = z.object({
  status: z.enum([...invitationStatuses, "all"]).default("pending"),
});

export const invitationPreviewQuerySchema = z.object({ token: z.string().min(10).max(200) });
export const invitationPreviewSchema = z.object({
  orgId: idSchema,
  orgName: z.string(),
  email: z.string(),
  role: roleSchema,
  accountExists: z.boolean(),
});

export const acceptInvitationRequestSchema = z.object({
  token: z.string().min(10).max(200),
  name: nameSchema.optional(),
  password: passwordSchema.optional(),
});
