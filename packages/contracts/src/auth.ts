import { z } from "zod";
import { emailSchema, idSchema, nameSchema, passwordSchema, roleSchema, timestampSchema } from "./common.js";

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

export const membershipSummarySchema = z.object({
  orgId: idSchema,
  orgSlug: z.string(),
  orgName: z.string(),
  role: roleSchema,
});

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  createdAt: timestampSchema,
  version: z.number().int(),
});

export const meSchema = z
  .object({
    user: userSchema,
    memberships: z.array(membershipSummarySchema),
    via: z.enum(["session", "token"]),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({ me: meSchema, csrfToken: z.string() });

export const updateMeRequestSchema = z.object({ name: nameSchema, version: z.number().int().min(1) });

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
});

export const authConfigSchema = z.object({
  ssoAvailable: z.boolean(),
  setupRequired: z.boolean(),
});

export const setupRequestSchema = z.object({
  setupCode: z.string().trim().min(1).max(200),
  orgName: nameSchema,
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
});

export const ssoStartQuerySchema = z.object({ email: emailSchema });
export const ssoCallbackQuerySchema = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(500),
  error: z.string().max(500).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
});
