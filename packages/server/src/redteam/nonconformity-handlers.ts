import type { Nonconformity, RedteamSeverity, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";

function nonconformityQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("nonconformities as nc")
    .leftJoin("ai_systems as sys", "sys.id", "nc.system_id")
    .leftJoin("memberships as m", "m.id", "nc.raised_by_member_id")
    .leftJoin("users as u", "u.id", "m.user_id")
    .selectAll("nc")
    .select(["sys.slug as system_slug", "sys.name as system_name", "u.name as raised_by_name"])
    .where("nc.org_id", "=", orgId);
}

type NonconformityRow = Awaited<ReturnType<ReturnType<typeof nonconformityQuery>["executeTakeFirstOrThrow"]>>;

function presentNonconformity(row: NonconformityRow): Nonconformity {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    source: row.source as Nonconformity["source"],
    sourceId: row.source_id,
    system:
      row.system_id && row.system_slug && row.system_name
        ? { id: row.system_id, slug: row.system_slug, name: row.system_name }
        : null,
    severity: row.severity as RedteamSeverity,
    status: row.status as Nonconformity["status"],
    raisedBy:
      row.raised_by_member_id && row.raised_by_name
        ? { memberId: row.raised_by_member_id, name: row.raised_by_name }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Nonconformities, newest first. */
export const listNonconformities: Handler<Routes["listNonconformities"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, systemId, status } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "nc.created_at" }, "nc.id");
  const cursor = parseCursor(rawCursor);
  let query = nonconformityQuery(tx, org.orgId);
  if (systemId) query = query.where("nc.system_id", "=", systemId);
  if (status) query = query.where("nc.status", "=", status);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("nc.created_at", "desc")
    .orderBy("nc.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.created_at), id: row.id }), presentNonconformity);
};

export const getNonconformity: Handler<Routes["getNonconformity"]> = async ({ tx, org, input }) => {
  const row = await nonconformityQuery(tx, org.orgId)
    .where("nc.id", "=", input.params.nonconformityId)
    .executeTakeFirst();
  if (!row) throw notFound("Nonconformity", input.params.nonconformityId);
  return presentNonconformity(row);
};
