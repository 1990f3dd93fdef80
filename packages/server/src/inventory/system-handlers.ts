import { randomUUID } from "node:crypto";
import type { Routes, SystemValues } from "@openaims/contracts";
import {
  changedMaterialFields,
  diffChanges,
  normaliseSystemValues,
  stageMove,
  systemFieldProblems,
  systemSlugFromName,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { archivedRecordError, containsPattern, fieldProblemsError, gateRequiredError } from "./inventory-errors.js";
import { assertActiveMember } from "./owners.js";
import {
  assertSlugFree,
  findSystem,
  presentSystem,
  type SystemRow,
  systemColumnsOf,
  systemQuery,
  systemValuesOf,
} from "./system-queries.js";

const SORT_COLUMNS = {
  name: "ai_systems.name",
  slug: "ai_systems.slug",
  createdAt: "ai_systems.created_at",
  updatedAt: "ai_systems.updated_at",
  materialChangedAt: "ai_systems.material_changed_at",
};
const SORT_KEYS: Record<string, keyof SystemRow> = {
  "ai_systems.name": "name",
  "ai_systems.slug": "slug",
  "ai_systems.created_at": "created_at",
  "ai_systems.updated_at": "updated_at",
  "ai_systems.material_changed_at": "material_changed_at",
};

export const listSystems: Handler<Routes["listSystems"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, q, lifecycleStage, impactTier, ownerId, slug, archived } = input.query;
  const sort = keysetSort(input.query.sort, SORT_COLUMNS, "ai_systems.id");
  const cursor = parseCursor(rawCursor);
  let query = systemQuery(tx, org.orgId);
  if (archived === "false") query = query.where("ai_systems.archived_at", "is", null);
  if (archived === "true") query = query.where("ai_systems.archived_at", "is not", null);
  if (lifecycleStage) query = query.where("ai_systems.lifecycle_stage", "=", lifecycleStage);
  if (impactTier) query = query.where("ai_systems.impact_tier", "=", impactTier);
  if (ownerId) query = query.where("ai_systems.owner_member_id", "=", ownerId);
  if (slug) query = query.where("ai_systems.slug", "=", slug);
  if (q) {
    const like = containsPattern(q);
    query = query.where((eb) =>
      eb.or([
        eb("ai_systems.name", "ilike", like),
        eb("ai_systems.slug", "ilike", like),
        eb("ai_systems.description", "ilike", like),
      ]),
    );
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "ai_systems.name", sort.direction)
    .orderBy("ai_systems.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const key = SORT_KEYS[sort.column] as keyof SystemRow;
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row[key]), id: row.id }), presentSystem);
};

export const getSystem: Handler<Routes["getSystem"]> = async ({ tx, org, input }) =>
  presentSystem(await findSystem(tx, org.orgId, input.params.systemId));

/** Cross-field rules and references a system's values must satisfy before they are stored. */
async function checkSystemValues(
  tx: Kysely<Database>,
  orgId: string,
  values: SystemValues,
  before: SystemValues | null,
  systemId: string | null,
): Promise<void> {
  const problems = systemFieldProblems(values);
  if (problems.length > 0) throw fieldProblemsError(problems);
  if (values.ownerId && values.ownerId !== before?.ownerId) await assertActiveMember(tx, orgId, values.ownerId);
  if (values.slug !== before?.slug) await assertSlugFree(tx, orgId, values.slug, systemId);
}

export const createSystem: Handler<Routes["createSystem"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const values = normaliseSystemValues({ ...body, slug: body.slug ?? systemSlugFromName(body.name) });
  await checkSystemValues(tx, org.orgId, values, null, null);
  const id = randomUUID();
  await tx
    .insertInto("ai_systems")
    .values({ id, org_id: org.orgId, ...systemColumnsOf(values) })
    .execute();
  await audit({ action: "system.created", entityType: "ai_system", entityId: id, changes: diffChanges(null, values) });
  return presentSystem(await findSystem(tx, org.orgId, id));
};

export const updateSystem: Handler<Routes["updateSystem"]> = async ({ tx, org, input, audit }) => {
  const row = await findSystem(tx, org.orgId, input.params.systemId, true);
  if (row.archived_at) throw archivedRecordError("AI system");
  const { version, ...changes } = input.body;
  if (row.version !== version) throw staleVersion("AI system", row.version, version);
  const before = systemValuesOf(row);
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const after = normaliseSystemValues({ ...before, ...given } as SystemValues);
  const changed = diffChanges(before, after);
  if (Object.keys(changed).length === 0) return presentSystem(row);
  if (stageMove(before.lifecycleStage, after.lifecycleStage) === "forward")
    throw gateRequiredError(row.slug, before.lifecycleStage, after.lifecycleStage);
  await checkSystemValues(tx, org.orgId, after, before, row.id);

  const now = new Date();
  const material = changedMaterialFields(before, after).length > 0;
  const materialChangedAt = material ? now : row.material_changed_at;
  if (material) changed.materialChangedAt = { before: row.material_changed_at.toISOString(), after: now.toISOString() };
  await tx
    .updateTable("ai_systems")
    .set({
      ...systemColumnsOf(after),
      material_changed_at: materialChangedAt,
      version: row.version + 1,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
  await audit({ action: "system.updated", entityType: "ai_system", entityId: row.id, changes: changed });
  return presentSystem(await findSystem(tx, org.orgId, row.id));
};

export const archiveSystem: Handler<Routes["archiveSystem"]> = async ({ tx, org, input, audit }) => {
  const row = await findSystem(tx, org.orgId, input.params.systemId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This AI system is already archived.");
  if (row.version !== input.body.version) throw staleVersion("AI system", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("ai_systems")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "system.archived",
    entityType: "ai_system",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return presentSystem(await findSystem(tx, org.orgId, row.id));
};
