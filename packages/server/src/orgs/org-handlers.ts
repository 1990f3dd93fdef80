import type { Org, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely, Selectable } from "kysely";
import { forbidden, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { auditActorOf } from "../http/register-routes.js";
import { createOrganization } from "./create-organization.js";

function presentOrg(row: Selectable<Database["organizations"]>): Org {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

async function findOrg(db: Kysely<Database>, orgId: string, forUpdate = false) {
  let query = db.selectFrom("organizations").selectAll().where("id", "=", orgId).where("archived_at", "is", null);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Organisation", orgId);
  return row;
}

export const createOrg: Handler<Routes["createOrg"]> = async ({ tx, actor, input, requestId }) => {
  if (actor.boundOrgId) {
    throw forbidden("This session covers one organisation only; sign in with your password to create another.");
  }
  const created = await createOrganization(tx, {
    name: input.body.name,
    ownerUserId: actor.userId,
    actor: auditActorOf(actor),
    requestId,
  });
  return presentOrg(await findOrg(tx, created.id));
};

export const getOrg: Handler<Routes["getOrg"]> = async ({ tx, org }) => presentOrg(await findOrg(tx, org.orgId));

export const updateOrg: Handler<Routes["updateOrg"]> = async ({ tx, org, input, audit }) => {
  const row = await findOrg(tx, org.orgId, true);
  if (row.version !== input.body.version) throw staleVersion("organisation", row.version, input.body.version);
  if (row.name === input.body.name) return presentOrg(row);
  const updated = await tx
    .updateTable("organizations")
    .set({ name: input.body.name, version: row.version + 1, updated_at: new Date() })
    .where("id", "=", org.orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({
    action: "organization.updated",
    entityType: "organization",
    entityId: org.orgId,
    changes: { name: { before: row.name, after: updated.name } },
  });
  return presentOrg(updated);
};
