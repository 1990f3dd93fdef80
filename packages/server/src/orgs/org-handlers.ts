import type { Org, Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
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
    segregationOfDuties: row.segregation_of_duties,
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

/** Renames the organisation or changes its settings; absent fields stay, and an unchanged one is not recorded. */
export const updateOrg: Handler<Routes["updateOrg"]> = async ({ tx, org, input, audit }) => {
  const row = await findOrg(tx, org.orgId, true);
  if (row.version !== input.body.version) throw staleVersion("organisation", row.version, input.body.version);
  const changes = diffChanges(
    { name: row.name, segregationOfDuties: row.segregation_of_duties },
    {
      name: input.body.name ?? row.name,
      segregationOfDuties: input.body.segregationOfDuties ?? row.segregation_of_duties,
    },
  );
  if (Object.keys(changes).length === 0) return presentOrg(row);
  const updated = await tx
    .updateTable("organizations")
    .set({
      name: input.body.name ?? row.name,
      segregation_of_duties: input.body.segregationOfDuties ?? row.segregation_of_duties,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", org.orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit({ action: "organization.updated", entityType: "organization", entityId: org.orgId, changes });
  return presentOrg(updated);
};
