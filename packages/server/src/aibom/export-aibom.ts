import { randomUUID } from "node:crypto";
import { CYCLONEDX_JSON_MEDIA_TYPE, idSchema, type Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type AibomAsset, buildAibom } from "@openaims/modelscan";
import type { Kysely } from "kysely";
import serverPackage from "../../package.json" with { type: "json" };
import { notFound } from "../http/app-error.js";
import { type Handler, RawResponse } from "../http/handler-context.js";
import { loadAibomAssets, loadAibomSystems } from "./aibom-assets.js";

/** An active system by id or slug, or the usual 404. */
async function findActiveSystem(db: Kysely<Database>, orgId: string, idOrSlug: string) {
  const byId = idSchema.safeParse(idOrSlug).success;
  const row = await db
    .selectFrom("ai_systems")
    .select(["id", "slug"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .where(byId ? "id" : "slug", "=", idOrSlug)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", idOrSlug);
  return row;
}

/** The datasets a system's models name in their model cards, so every reference in the BOM points inside it. */
function referencedDatasets(assets: AibomAsset[]): string[] {
  const have = new Set(assets.map((asset) => asset.id));
  const ids = assets.flatMap((asset) => (asset.modelCard.modelParameters?.datasets ?? []).map((d) => d.assetId));
  return [...new Set(ids)].filter((id) => !have.has(id));
}

export const exportAibom: Handler<Routes["exportAibom"]> = async ({ tx, org, input }) => {
  const { system: wanted, as } = input.query;
  const organisation = await tx
    .selectFrom("organizations")
    .select(["name", "slug"])
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  const subject = wanted ? await findActiveSystem(tx, org.orgId, wanted) : null;
  const systems = await loadAibomSystems(tx, org.orgId, subject?.id ?? null);
  const system = subject ? (systems[0] ?? null) : null;
  let assets = await loadAibomAssets(tx, org.orgId, system ? system.assetIds : null);
  if (system) assets = [...assets, ...(await loadAibomAssets(tx, org.orgId, referencedDatasets(assets)))];
  const bom = buildAibom({
    serialNumber: `urn:uuid:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    toolVersion: serverPackage.version,
    system,
    systems: system ? [] : systems,
    organisationName: organisation.name,
    assets,
  });
  const stem = system ? system.slug : `${organisation.slug}-inventory`;
  const type = as === "json" ? "application/json; charset=utf-8" : CYCLONEDX_JSON_MEDIA_TYPE;
  return new RawResponse(type, Buffer.from(`${JSON.stringify(bom, null, 2)}\n`), `${stem}.cdx.json`);
};

export const getAssetAibomEntry: Handler<Routes["getAssetAibomEntry"]> = async ({ tx, org, input }) => {
  const [asset] = await loadAibomAssets(tx, org.orgId, [input.params.assetId]);
  if (!asset) throw notFound("AI asset", input.params.assetId);
  const bom = buildAibom({
    serialNumber: `urn:uuid:${randomUUID()}`,
    timestamp: new Date().toISOString(),
    toolVersion: serverPackage.version,
    system: null,
    systems: [],
    organisationName: "",
    assets: [asset],
  });
  const services = (bom.services ?? []) as Record<string, unknown>[];
  const components = bom.components as Record<string, unknown>[];
  return services.length > 0
    ? { section: "services" as const, entry: services[0] as Record<string, unknown> }
    : { section: "components" as const, entry: components[0] as Record<string, unknown> };
};
