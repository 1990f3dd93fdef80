import type { LicenceFinding, Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { sql } from "kysely";
import { staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findAsset } from "../inventory/asset-queries.js";
import { licenceFindingOf } from "./licence-findings.js";
import { loadLicencePolicy } from "./licence-policy-queries.js";

/** Asset kinds that carry licence facts the policy judges. */
const LICENSED_KINDS = ["model", "dataset"] as const;

export const getLicencePolicy: Handler<Routes["getLicencePolicy"]> = async ({ tx, org }) =>
  loadLicencePolicy(tx, org.orgId);

export const updateLicencePolicy: Handler<Routes["updateLicencePolicy"]> = async ({ tx, org, input, audit }) => {
  const { version, ...policy } = input.body;
  // Serialise concurrent first saves: the row may not exist yet.
  await sql`select pg_advisory_xact_lock(hashtext(${`licence_policy:${org.orgId}`}))`.execute(tx);
  const before = await loadLicencePolicy(tx, org.orgId);
  if (before.version !== version) throw staleVersion("licence policy", before.version, version);
  const changes = diffChanges(before.policy, policy);
  if (Object.keys(changes).length === 0 && !before.isDefault) return before;
  const now = new Date();
  const rules = JSON.stringify(policy);
  await tx
    .insertInto("licence_policies")
    .values({
      org_id: org.orgId,
      rules,
      updated_by_member_id: org.membershipId,
      updated_at: now,
      version: version + 1,
    })
    .onConflict((oc) =>
      oc
        .column("org_id")
        .doUpdateSet({ rules, updated_by_member_id: org.membershipId, updated_at: now, version: version + 1 }),
    )
    .execute();
  await audit({ action: "licence_policy.updated", entityType: "licence_policy", entityId: org.orgId, changes });
  return loadLicencePolicy(tx, org.orgId);
};

export const listLicenceFindings: Handler<Routes["listLicenceFindings"]> = async ({ tx, org, input }) => {
  const { policy } = await loadLicencePolicy(tx, org.orgId);
  let query = tx
    .selectFrom("ai_assets")
    .select(["id", "name", "kind", "licence_expression"])
    .where("org_id", "=", org.orgId)
    .where("archived_at", "is", null)
    .where("kind", "in", LICENSED_KINDS);
  const { systemId, verdict } = input.query;
  if (systemId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("ai_system_assets as link")
          .select("link.id")
          .whereRef("link.asset_id", "=", "ai_assets.id")
          .where("link.system_id", "=", systemId)
          .where("link.org_id", "=", org.orgId)
          .where("link.archived_at", "is", null),
      ),
    );
  }
  const rows = await query.orderBy("name").orderBy("id").limit(10_000).execute();
  const all = rows.map((row) => licenceFindingOf(row, policy));
  const counts = { allowed: 0, review: 0, forbidden: 0 };
  for (const finding of all) counts[finding.verdict] += 1;
  // Worst first, so what needs action leads the list.
  const rank = { forbidden: 0, review: 1, allowed: 2 } as const;
  const items: LicenceFinding[] = all
    .filter((finding) => !verdict || finding.verdict === verdict)
    .sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  return { items, counts };
};

export const getAssetLicenceFinding: Handler<Routes["getAssetLicenceFinding"]> = async ({ tx, org, input }) => {
  const asset = await findAsset(tx, org.orgId, input.params.assetId);
  const { policy } = await loadLicencePolicy(tx, org.orgId);
  return licenceFindingOf(asset, policy);
};
