import { z } from "zod";
import { emailSchema, roleSchema, timestampSchema, versionSchema } from "./common.js";

export const domainSchema = z
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

export const putSsoConfigRequestSchema = z
  .object({
    enabled: z.boolean(),
    issuer: z.url({ protocol: /^https?$/ }).max(2000),
    clientId: z.string().trim().min(1).max(500),
    /** Omit to keep the stored secret. */
    clientSecret: z.string().min(1).max(2000).optional(),
    /**
     * Domains whose people sign in through this provider. Each must be verified for this organisation
     * (see the domain routes); at least one is needed to turn single sign-on on.
     */
    allowedDomains: z.array(domainSchema).max(50),
    defaultRole: roleSchema.exclude(["owner"]),
    /** The version being replaced; omit when creating the first configuration. */
    version: versionSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.enabled && body.allowedDomains.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["allowedDomains"],
        message: "list at least one verified domain to turn single sign-on on",
      });
  });

/**
 * verified: the organisation proved control of the domain and its single sign-on may admit it.
 * pending: claimed, not (yet) proven; admits nobody and blocks nobody.
 * taken_over: another organisation proved control later and took the domain over.
 */
export const ssoDomainStatuses = ["verified", "pending", "taken_over"] as const;
export type SsoDomainStatus = (typeof ssoDomainStatuses)[number];

export const ssoDomainClaimSchema = z
  .object({
    domain: z.string(),
    status: z.enum(ssoDomainStatuses),
    /** Where the latest verification e-mail went. */
    verificationEmail: z.string().nullable(),
    verificationSentAt: timestampSchema.nullable(),
    /** When the latest verification link stops working; null once used or replaced. */
    verificationExpiresAt: timestampSchema.nullable(),
    verifiedAt: timestampSchema.nullable(),
    takenOverAt: timestampSchema.nullable(),
    /** Another organisation holds this domain verified: verifying it here takes it over from them. */
    verifiedElsewhere: z.boolean(),
  })
  .meta({ id: "SsoDomainClaim" });
export type SsoDomainClaim = z.infer<typeof ssoDomainClaimSchema>;

export const ssoDomainListSchema = z.object({ items: z.array(ssoDomainClaimSchema) });

export const sendSsoDomainVerificationRequestSchema = z.object({
  domain: domainSchema,
  /**
   * An address at the domain (exactly, not a subdomain) whose mailbox the organisation controls,
   * e.g. it-admin@example.com. The server answers 400 naming body.email for any other address.
   */
  email: emailSchema,
});

export const sentSsoDomainVerificationSchema = z.object({
  claim: ssoDomainClaimSchema,
  /** False when the mail server refused or could not be reached; the claim stays pending. */
  emailSent: z.boolean(),
});

const verificationTokenSchema = z.string().trim().min(1).max(200);

export const ssoDomainVerificationQuerySchema = z.object({ token: verificationTokenSchema });

export const ssoDomainVerificationPreviewSchema = z.object({
  orgName: z.string(),
  domain: z.string(),
  email: z.string(),
  expiresAt: timestampSchema,
  /** Another organisation holds the domain verified; confirming takes it over from them. */
  takesOver: z.boolean(),
});

export const confirmSsoDomainRequestSchema = z.object({ token: verificationTokenSchema });

export const confirmedSsoDomainSchema = z.object({
  orgName: z.string(),
  domain: z.string(),
  /** Claims of other organisations this confirmation revoked. */
  tookOverFrom: z.number().int().min(0),
});

/** A provider vouched for the e-mail of an existing account; linking waits for its password. */
export const ssoPendingLinkSchema = z.object({
  email: z.string(),
  orgName: z.string(),
  expiresAt: timestampSchema,
});

export const linkSsoAccountRequestSchema = z.object({ password: z.string().min(1).max(1024) });
