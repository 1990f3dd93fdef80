import { defaultLicencePolicy, type LicencePolicyRecord, licencePolicySchema } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/** The organisation's licence policy, or the default one (version 0) while it has never saved its own. */
export async function loadLicencePolicy(db: Kysely<Database>, orgId: string): Promise<LicencePolicyRecord> {
  const row = await db
    .selectFrom("licence_policies")
    .select(["rules", "updated_at", "version"])
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!row) return { policy: defaultLicencePolicy, isDefault: true, updatedAt: null, version: 0 };
  const parsed = licencePolicySchema.safeParse(row.rules);
  return {
    // A stored policy is written through the same schema; a row that no longer reads falls back to the default.
    policy: parsed.success ? parsed.data : defaultLicencePolicy,
    isDefault: false,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
