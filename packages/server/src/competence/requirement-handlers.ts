import { randomUUID } from "node:crypto";
import type { CompetenceRequirement, Routes } from "@openaims/contracts";
import { courseKey, diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, type Selectable, sql } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";

type RequirementRow = Selectable<Database["competence_requirements"]>;

function present(row: RequirementRow): CompetenceRequirement {
  return {
    id: row.id,
    appliesToKind: row.applies_to_kind as CompetenceRequirement["appliesToKind"],
    appliesTo: row.applies_to,
    competence: row.competence,
    course: row.course,
    renewalMonths: row.renewal_months,
    archived: row.archived_at !== null,
    archiveReason: row.archive_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

async function findRequirement(db: Kysely<Database>, orgId: string, id: string, lock = false) {
  let query = db.selectFrom("competence_requirements").selectAll().where("org_id", "=", orgId).where("id", "=", id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound("Competence requirement", id);
  return row;
}

/** One live requirement per course for each role or responsibility: a second would count the same training twice. */
async function refuseDuplicate(
  db: Kysely<Database>,
  orgId: string,
  values: { appliesToKind: string; appliesTo: string; course: string },
  exceptId: string | null,
) {
  let query = db
    .selectFrom("competence_requirements")
    .select("id")
    .where("org_id", "=", orgId)
    .where("applies_to_kind", "=", values.appliesToKind)
    .where("applies_to", "=", values.appliesTo)
    .where(sql<string>`lower(btrim(course))`, "=", courseKey(values.course))
    .where("archived_at", "is", null);
  if (exceptId) query = query.where("id", "<>", exceptId);
  if (await query.executeTakeFirst())
    throw new AppError(
      "conflict",
      `The course '${values.course}' is already required of ${values.appliesTo}; change that requirement instead.`,
    );
}

export const listCompetenceRequirements: Handler<Routes["listCompetenceRequirements"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, appliesToKind, appliesTo, archived } = input.query;
  const sort = keysetSort("createdAt", { createdAt: "created_at" }, "id");
  const cursor = parseCursor(rawCursor);
  let query = tx.selectFrom("competence_requirements").selectAll().where("org_id", "=", org.orgId);
  if (appliesToKind) query = query.where("applies_to_kind", "=", appliesToKind);
  if (appliesTo) query = query.where("applies_to", "=", appliesTo);
  if (archived === "active") query = query.where("archived_at", "is", null);
  if (archived === "archived") query = query.where("archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), present);
};

export const getCompetenceRequirement: Handler<Routes["getCompetenceRequirement"]> = async ({ tx, org, input }) =>
  present(await findRequirement(tx, org.orgId, input.params.requirementId));

export const createCompetenceRequirement: Handler<Routes["createCompetenceRequirement"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const body = input.body;
  await refuseDuplicate(tx, org.orgId, body, null);
  const id = randomUUID();
  const values = {
    applies_to_kind: body.appliesToKind,
    applies_to: body.appliesTo,
    competence: body.competence,
    course: body.course,
    renewal_months: body.renewalMonths,
  };
  await tx
    .insertInto("competence_requirements")
    .values({ id, org_id: org.orgId, ...values })
    .execute();
  await audit({
    action: "competence_requirement.created",
    entityType: "competence_requirement",
    entityId: id,
    changes: diffChanges(null, values),
  });
  return present(await findRequirement(tx, org.orgId, id));
};

export const updateCompetenceRequirement: Handler<Routes["updateCompetenceRequirement"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { version, ...fields } = input.body;
  const row = await findRequirement(tx, org.orgId, input.params.requirementId, true);
  if (row.version !== version) throw staleVersion("competence requirement", row.version, version);
  if (row.archived_at)
    throw new AppError("illegal_transition", "This requirement is archived; record a new one instead.");
  const before = { competence: row.competence, course: row.course, renewal_months: row.renewal_months };
  const after = {
    competence: fields.competence ?? before.competence,
    course: fields.course ?? before.course,
    renewal_months: fields.renewalMonths === undefined ? before.renewal_months : fields.renewalMonths,
  };
  if (courseKey(after.course) !== courseKey(before.course))
    await refuseDuplicate(
      tx,
      org.orgId,
      { appliesToKind: row.applies_to_kind, appliesTo: row.applies_to, course: after.course },
      row.id,
    );
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("competence_requirements")
      .set({ ...after, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    await audit({
      action: "competence_requirement.updated",
      entityType: "competence_requirement",
      entityId: row.id,
      changes,
    });
  }
  return present(await findRequirement(tx, org.orgId, row.id));
};

export const archiveCompetenceRequirement: Handler<Routes["archiveCompetenceRequirement"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const row = await findRequirement(tx, org.orgId, input.params.requirementId, true);
  if (row.archived_at) throw new AppError("illegal_transition", "This requirement is already archived.");
  if (row.version !== input.body.version) throw staleVersion("competence requirement", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("competence_requirements")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "competence_requirement.archived",
    entityType: "competence_requirement",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return present(await findRequirement(tx, org.orgId, row.id));
};
