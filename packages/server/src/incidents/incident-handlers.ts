import { randomUUID } from "node:crypto";
import type { IncidentSeverity, Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { createIncident } from "./create-incident.js";
import { findIncident, incidentQuery, loadIncidentDetail, presentIncident, systemsOf } from "./incident-queries.js";

/** Incidents, newest first. */
export const listIncidents: Handler<Routes["listIncidents"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, status, severity, systemId, alertId } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "i.created_at" }, "i.id");
  const cursor = parseCursor(rawCursor);
  let query = incidentQuery(tx, org.orgId);
  if (status) query = query.where("i.status", "=", status);
  if (severity) query = query.where("i.severity", "=", severity);
  if (systemId) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("incident_systems as s")
          .select("s.incident_id")
          .whereRef("s.incident_id", "=", "i.id")
          .where("s.system_id", "=", systemId),
      ),
    );
  }
  if (alertId) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("incident_links as l")
          .select("l.id")
          .whereRef("l.incident_id", "=", "i.id")
          .where("l.kind", "=", "alert")
          .where("l.target_id", "=", alertId),
      ),
    );
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit + 1)
    .execute();
  const systems = await systemsOf(
    tx,
    org.orgId,
    rows.map((row) => row.id),
  );
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => presentIncident(row, systems),
  );
};

export const createIncidentHandler: Handler<Routes["createIncident"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  const { id } = await createIncident(tx, org, audit, {
    title: body.title,
    description: body.description,
    severity: body.severity,
    systemIds: body.systemIds,
    links: [...body.alertIds.map((alertId) => ({ kind: "alert" as const, id: alertId })), ...body.links],
    detectedAt: body.detectedAt ? new Date(body.detectedAt) : undefined,
    occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
  });
  return loadIncidentDetail(tx, org.orgId, id);
};

export const getIncident: Handler<Routes["getIncident"]> = async ({ tx, org, input }) =>
  loadIncidentDetail(tx, org.orgId, input.params.incidentId);

/** Replaces the affected systems; each must be a system of this organisation. */
async function replaceSystems(tx: Kysely<Database>, orgId: string, incidentId: string, systemIds: string[]) {
  const wanted = [...new Set(systemIds)];
  if (wanted.length > 0) {
    const found = await tx
      .selectFrom("ai_systems")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "in", wanted)
      .execute();
    const missing = wanted.find((id) => !found.some((row) => row.id === id));
    if (missing) throw notFound("AI system", missing);
  }
  await tx.deleteFrom("incident_systems").where("org_id", "=", orgId).where("incident_id", "=", incidentId).execute();
  if (wanted.length > 0) {
    await tx
      .insertInto("incident_systems")
      .values(wanted.map((systemId) => ({ incident_id: incidentId, org_id: orgId, system_id: systemId })))
      .execute();
  }
}

export const updateIncident: Handler<Routes["updateIncident"]> = async ({ tx, org, input, audit }) => {
  const { incidentId } = input.params;
  const body = input.body;
  const row = await findIncident(tx, org.orgId, incidentId, true);
  if (row.version !== body.version) throw staleVersion("incident", row.version, body.version);
  const before = (await systemsOf(tx, org.orgId, [incidentId])).get(incidentId) ?? [];
  const beforeSystemIds = before.map((system) => system.id).sort();
  const next = {
    title: body.title ?? row.title,
    description: body.description ?? row.description,
    severity: (body.severity ?? row.severity) as IncidentSeverity,
    detected_at: body.detectedAt ? new Date(body.detectedAt) : row.detected_at,
    occurred_at: body.occurredAt === undefined ? row.occurred_at : body.occurredAt ? new Date(body.occurredAt) : null,
    root_cause: body.rootCause ?? row.root_cause,
  };
  if (body.systemIds) await replaceSystems(tx, org.orgId, incidentId, body.systemIds);
  await tx
    .updateTable("incidents")
    .set({ ...next, updated_at: new Date(), version: row.version + 1 })
    .where("id", "=", incidentId)
    .execute();
  const auditable = (r: typeof next, systemIds: string[]) => ({
    title: r.title,
    description: r.description,
    severity: r.severity,
    detectedAt: r.detected_at.toISOString(),
    occurredAt: r.occurred_at?.toISOString() ?? null,
    rootCause: r.root_cause,
    systemIds,
  });
  await audit({
    action: "incident.updated",
    entityType: "incident",
    entityId: incidentId,
    changes: diffChanges(
      auditable({ ...row, severity: row.severity as IncidentSeverity }, beforeSystemIds),
      auditable(next, body.systemIds ? [...new Set(body.systemIds)].sort() : beforeSystemIds),
    ),
  });
  return loadIncidentDetail(tx, org.orgId, incidentId);
};

/** Adds an entry to an incident's timeline. */
export async function addTimelineEntry(
  tx: Kysely<Database>,
  orgId: string,
  incidentId: string,
  entry: { kind: string; body: string; fromStatus?: string; toStatus?: string; authorMemberId: string | null },
): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto("incident_timeline_entries")
    .values({
      id,
      org_id: orgId,
      incident_id: incidentId,
      kind: entry.kind,
      body: entry.body,
      from_status: entry.fromStatus ?? null,
      to_status: entry.toStatus ?? null,
      author_member_id: entry.authorMemberId,
      created_at: new Date(),
    })
    .execute();
  return id;
}
