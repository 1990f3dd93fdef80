import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { assetKindSchema } from "../inventory/asset-schemas.js";
import { oneOfMessage } from "../inventory/system-attributes.js";

/**
 * What a licence asks of its user beyond attribution, as far as a policy cares: the facts the
 * licence table knows of each well-known model licence. `unknown` is a licence nobody recorded,
 * or a LicenseRef the table and the policy do not know.
 */
export const licenceFlags = [
  "non_commercial",
  "research_only",
  "user_count_limit",
  "use_restrictions",
  "acceptable_use_policy",
  "no_derivatives",
  "share_alike",
  "attribution",
  "unknown",
] as const;
export const licenceFlagSchema = z.enum(licenceFlags, { message: oneOfMessage(licenceFlags) });
export type LicenceFlag = z.infer<typeof licenceFlagSchema>;

/** What the policy says of a licence, from best to worst. */
export const licenceVerdicts = ["allowed", "review", "forbidden"] as const;
export const licenceVerdictSchema = z.enum(licenceVerdicts, { message: oneOfMessage(licenceVerdicts) });
export type LicenceVerdict = z.infer<typeof licenceVerdictSchema>;

/** An SPDX id or LicenseRef, or a prefix pattern ending in `*` (`LicenseRef-*`, `GPL-*`). */
export const licencePatternSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9.+:-]+\*?$/, { message: 'must be a licence id such as "MIT" or a pattern such as "GPL-*"' });

const patterns = z.array(licencePatternSchema).max(500);
const flags = z.array(licenceFlagSchema).max(licenceFlags.length);

/**
 * An organisation's licence policy. A licence is judged in this order: listed as forbidden, then a
 * forbidden flag, then listed as allowed, then listed for review or a review flag; a licence none
 * of these names gets `otherwise`.
 */
export const licencePolicySchema = z.object({
  allowed: patterns,
  review: patterns,
  forbidden: patterns,
  forbiddenFlags: flags,
  reviewFlags: flags,
  otherwise: licenceVerdictSchema,
});
export type LicencePolicy = z.infer<typeof licencePolicySchema>;

/** The policy of an organisation that never set one: permissive licences pass, model licences with conditions are reviewed. */
export const defaultLicencePolicy: LicencePolicy = {
  allowed: [
    "Apache-2.0",
    "MIT",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Unlicense",
    "CC0-1.0",
    "CC-BY-4.0",
    "PDDL-1.0",
    "ODC-By-1.0",
    "CDLA-Permissive-1.0",
    "CDLA-Permissive-2.0",
  ],
  review: ["GPL-*", "LGPL-*", "AGPL-*", "MPL-2.0", "CC-BY-SA-*", "ODbL-1.0", "LicenseRef-*"],
  forbidden: [],
  forbiddenFlags: ["non_commercial", "research_only"],
  reviewFlags: ["user_count_limit", "use_restrictions", "acceptable_use_policy", "no_derivatives", "unknown"],
  otherwise: "review",
};

export const licencePolicyRecordSchema = z
  .object({
    policy: licencePolicySchema,
    /** True while the organisation has never saved a policy of its own. */
    isDefault: z.boolean(),
    updatedAt: timestampSchema.nullable(),
    /** Send it back with a change; 0 while the default applies. */
    version: z.number().int().min(0),
  })
  .meta({ id: "LicencePolicy" });
export type LicencePolicyRecord = z.infer<typeof licencePolicyRecordSchema>;

export const updateLicencePolicyRequestSchema = licencePolicySchema.extend({
  version: versionSchema.or(z.literal(0)),
});
export type UpdateLicencePolicyRequest = z.input<typeof updateLicencePolicyRequestSchema>;

/** One licence in an expression and what the policy says of it. */
export const licenceTermSchema = z.object({
  id: z.string(),
  exception: z.string().nullable(),
  name: z.string().nullable(),
  flags: z.array(licenceFlagSchema),
  verdict: licenceVerdictSchema,
  reason: z.string(),
});
export type LicenceTerm = z.infer<typeof licenceTermSchema>;

/** What the policy says of one asset's licence. */
export const licenceFindingSchema = z
  .object({
    asset: z.object({ id: idSchema, name: z.string(), kind: assetKindSchema }),
    expression: z.string().nullable(),
    verdict: licenceVerdictSchema,
    reasons: z.array(z.string()),
    terms: z.array(licenceTermSchema),
  })
  .meta({ id: "LicenceFinding" });
export type LicenceFinding = z.infer<typeof licenceFindingSchema>;

export const licenceFindingListQuerySchema = z.object({
  verdict: licenceVerdictSchema.optional(),
  /** Only the assets this system uses now. */
  systemId: idSchema.optional(),
});

export const licenceFindingsSchema = z.object({
  items: z.array(licenceFindingSchema),
  counts: z.object({ allowed: z.number().int(), review: z.number().int(), forbidden: z.number().int() }),
});
export type LicenceFindings = z.infer<typeof licenceFindingsSchema>;
