import { randomUUID } from "node:crypto";
import type { AssetKind, Routes, SystemAssetLink } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findAsset } from "./asset-queries.js";
import { archivedRecordError } from "./inventory-errors.js";
import { findSystem } from "./system-queries.js";

function linkQuery(db: Kysely<Database>, orgId: string, systemId: string) {
  return db
    .selectFrom("ai_system_assets as link")
    .innerJoin("ai_assets", "ai_assets.id", "link.asset_id")
    .select([
      "link.id",
      "link.system_id",
      "link.note",
      "link.created_at",
      "link.archived_at",
      "link.archive_reason",
      "ai_assets.id as asset_id",
      "ai_assets.name as asset_name",
      "ai_assets.kind as asset_kind",
      "ai_assets.asset_version",
    ])
    .where("link.org_id", "=", orgId)
    .where("link.system_id", "=", systemId);
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linkQuery>["executeTakeFirstOrThrow"]>>;

function presentLink(row: LinkRow): SystemAssetLink {
  return {
    id: row.id,
    systemId: row.system_id,
    asset: {
      id: row.asset_id,
      name: row.asset_name,
      kind: row.asset_kind as AssetKind,
      assetVersion: row.asset_version,
    },
    note: row.note,
    linkedAt: row.created_at.toISOString(),
    status: row.archived_at ? "archived" : "active",
    archiveReason: row.archive_reason,
  };
}

export const listSystemAssets: Handler<Routes["listSystemAssets"]> = async ({ tx, org, input }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId);
  let query = linkQuery(tx, org.orgId, system.id);
  if (input.query.archived === "false") query = query.where("link.archived_at", "is", null);
  if (input.query.archived === "true") query = query.where("link.archived_at", "is not", null);
  const rows = await query.orderBy("ai_assets.name").orderBy("link.created_at").execute();
  return { items: rows.map(presentLink) };
};

export const linkSystemAsset: Handler<Routes["linkSystemAsset"]> = async ({ tx, org, input, audit }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId, true);
  if (system.archived_at) throw archivedRecordError("AI system");
  const asset = await findAsset(tx, org.orgId, input.body.assetId);
  if (asset.archived_at) throw archivedRecordError("asset");
  const current = await linkQuery(tx, org.orgId, system.id)
    .where("link.asset_id", "=", asset.id)
    .where("link.archived_at", "is", null)
    .executeTakeFirst();
  if (current) throw new AppError("conflict", `The asset '${asset.name}' is already linked to this system.`);
  const id = randomUUID();
  await tx
    .insertInto("ai_system_assets")
    .values({ id, org_id: org.orgId, system_id: system.id, asset_id: asset.id, note: input.body.note })
    .execute();
  await audit({
    action: "system.asset_linked",
    entityType: "system_asset_link",
    entityId: id,
    changes: {
      systemId: { before: null, after: system.id },
      assetId: { before: null, after: asset.id },
      note: { before: null, after: input.body.note },
    },
  });
  return presentLink(await linkQuery(tx, org.orgId, system.id).where("link.id", "=", id).executeTakeFirstOrThrow());
};

export const unlinkSystemAsset: Handler<Routes["unlinkSystemAsset"]> = async ({ tx, org, input, audit }) => {
  const system = await findSystem(tx, org.orgId, input.params.systemId, true);
  const link = await linkQuery(tx, org.orgId, system.id)
    .where("link.asset_id", "=", input.params.assetId)
    .where("link.archived_at", "is", null)
    .executeTakeFirst();
  if (!link) throw notFound("Link to asset", input.params.assetId);
  const now = new Date();
  await tx
    .updateTable("ai_system_assets")
    .set({ archived_at: now, archive_reason: input.body.reason })
    .where("id", "=", link.id)
    .execute();
  await audit({
    action: "system.asset_unlinked",
    entityType: "system_asset_link",
    entityId: link.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return presentLink(
    await linkQuery(tx, org.orgId, system.id).where("link.id", "=", link.id).executeTakeFirstOrThrow(),
  );
};
