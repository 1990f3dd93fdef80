import { z } from "zod";
import { roleSchema, versionSchema } from "./common.js";

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, "must be a domain such as example.com");

export const ssoConfigSchema = z
  .object({
    enabled: z.boolean(),
    issuer: z.string(),
    clientId: z.string(),
    clientSecretSet: z.boolean(),
    allowedDomains: z.array(z.string()),
    defaultRole: roleSchema,
    version: z.number().int(),
  })
  .meta({ id: "SsoConfig" });
export type SsoConfig = z.infer<typeof ssoConfigSchema>;

export const putSsoConfigRequestSchema = z.object({
  enabled: z.boolean(),
  issuer: z.url({ protocol: /^https?$/ }).max(2000),
  clientId: z.string().trim().min(1).max(500),
  /** Omit to keep the stored secret. */
  clientSecret: z.string().min(1).max(2000).optional(),
  allowedDomains: z.array(domainSchema).min(1).max(50),
  defaultRole: roleSchema.exclude(["owner"]),
  /** The version being replaced; omit when creating the first configuration. */
  version: versionSchema.optional(),
});
