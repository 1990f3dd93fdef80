import { z } from "zod";
import { idSchema, nameSchema, timestampSchema, tokenScopeSchema } from "./common.js";

export const apiTokenSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    scope: tokenScopeSchema,
    prefix: z.string(),
    owner: z.object({ id: idSchema, name: z.string() }),
    status: z.enum(["active", "revoked", "expired"]),
    expiresAt: timestampSchema.nullable(),
    lastUsedAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createTokenRequestSchema = z.object({
  name: nameSchema,
  scope: tokenScopeSchema,
  /** Days until expiry; null means the token never expires. */
  expiresInDays: z.number().int().min(1).max(730).nullable().default(90),
});

/** The secret appears in this response only; it is stored as a hash. */
export const createdTokenSchema = z.object({ token: apiTokenSchema, secret: z.string() });

export const tokenListQuerySchema = z.object({
  status: z.enum(["active", "revoked", "expired", "all"]).default("active"),
  mine: z.enum(["true", "false"]).default("false"),
});
