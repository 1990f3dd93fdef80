import { randomUUID } from "node:crypto";
import type { CreateMetricRequest, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { invalidBody } from "../risks/field-errors.js";
import { loadMetric, metricQuery, presentMetric } from "./metric-queries.js";

/** Metrics by system and name. */
export const listMetrics: Handler<Routes["listMetrics"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, systemId, archived } = input.query;
  const sort = keysetSort("name", { name: "m.name" }, "m.id");
  const cursor = parseCursor(rawCursor);
  let query = metricQuery(tx, org.orgId);
  if (systemId) query = query.where("m.system_id", "=", systemId);
  if (archived === "false") query = query.where("m.archived_at", "is", null);
  if (archived === "true") query = query.where("m.archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("m.name")
    .orderBy("m.id")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.name), id: row.id }), presentMetric);
};

export const getMetric: Handler<Routes["getMetric"]> = async ({ tx, org, input }) =>
  loadMetric(tx, org.orgId, input.params.metricId);

type MetricFields = Omit<CreateMetricRequest, "systemId">;

/** Refuses a name another metric of the system uses (in any case) and a risk of another system. */
async function checkMetricFields(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
  fields: { name: string; reviewRiskId?: string | null },
  exceptMetricId: string | null,
): Promise<void> {
  const clash = await tx
    .selectFrom("metrics")
    .select("id")
    .where("system_id", "=", systemId)
    .where("archived_at", "is", null)
    .where(sql<boolean>`lower(name) = ${fields.name.toLowerCase()}`)
    .$if(exceptMetricId !== null, (q) => q.where("id", "<>", exceptMetricId as string))
    .executeTakeFirst();
  if (clash) throw invalidBody([{ field: "name", message: "is already the name of another metric of this AI system" }]);
  if (fields.reviewRiskId) {
    const risk = await tx
      .selectFrom("risks")
      .select(["id", "system_id"])
      .where("org_id", "=", orgId)
      .where("id", "=", fields.reviewRiskId)
      .where("archived_at", "is", null)
      .executeTakeFirst();
    if (!risk || (risk.system_id !== null && risk.system_id !== systemId))
      throw invalidBody([
        { field: "reviewRiskId", message: "must be a risk of this AI system or of the whole organisation" },
      ]);
  }
}

function columnsOf(fields: MetricFields) {
  return {
    name: fields.name,
    description: fields.description ?? "",
    unit: fields.unit ?? "",
    direction: fields.direction,
    warning_threshold: fields.warning,
    critical_threshold: fields.critical,
    cadence_minutes: fields.cadenceMinutes,
    open_incident_on_critical: fields.openIncidentOnCritical ?? false,
    review_risk_id: fields.reviewRiskId ?? null,
  };
}

export const createMetric: Handler<Routes["createMetric"]> = async ({ tx, org, input, audit }) => {
  const { systemId, ...fields } = input.body;
  const system = await tx
    .selectFrom("ai_systems")
    .select(["id", "name", "archived_at"])
    .where("org_id", "=", org.orgId)
    .where("id", "=", systemId)
    .executeTakeFirst();
  if (!system) throw notFound("AI system", systemId);
  if (system.archived_at)
    throw new AppError("illegal_transition", `AI system '${system.name}' is archived; it takes no new metrics.`);
  await checkMetricFields(tx, org.orgId, systemId, fields, null);
  const id = randomUUID();
  const columns = columnsOf(fields);
  await tx
    .insertInto("metrics")
    .values({ id, org_id: org.orgId, system_id: systemId, created_by_member_id: org.membershipId, ...columns })
    .execute();
  await audit({
    action: "metric.created",
    entityType: "metric",
    entityId: id,
    changes: Object.fromEntries(
      Object.entries({ system_id: systemId, ...columns }).map(([k, v]) => [k, { before: null, after: v }]),
    ),
  });
  return loadMetric(tx, org.orgId, id);
};

/** The metric, locked for this transaction; 404 when it is not the organisation's, 409 when stale or archived. */
async function lockMetric(tx: Kysely<Database>, orgId: string, metricId: string, version: number) {
  const row = await tx
    .selectFrom("metrics")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", metricId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Metric", metricId);
  if (row.archived_at) throw new AppError("illegal_transition", `Metric '${row.name}' is archived; it cannot change.`);
  if (row.version !== version) throw staleVersion("metric", row.version, version);
  return row;
}

export const updateMetric: Handler<Routes["updateMetric"]> = async ({ tx, org, input, audit }) => {
  const { version, ...fields } = input.body;
  const before = await lockMetric(tx, org.orgId, input.params.metricId, version);
  await checkMetricFields(tx, org.orgId, before.system_id, fields, before.id);
  const columns = columnsOf(fields);
  const changes = Object.fromEntries(
    Object.entries(columns)
      .filter(([k, v]) => before[k as keyof typeof columns] !== v)
      .map(([k, v]) => [k, { before: before[k as keyof typeof columns], after: v }]),
  );
  await tx
    .updateTable("metrics")
    .set({ ...columns, version: before.version + 1, updated_at: new Date() })
    .where("id", "=", before.id)
    .execute();
  await audit({ action: "metric.updated", entityType: "metric", entityId: before.id, changes });
  return loadMetric(tx, org.orgId, before.id);
};

export const archiveMetric: Handler<Routes["archiveMetric"]> = async ({ tx, org, input, audit }) => {
  const { reason, version } = input.body;
  const before = await lockMetric(tx, org.orgId, input.params.metricId, version);
  const now = new Date();
  await tx
    .updateTable("metrics")
    .set({ archived_at: now, archive_reason: reason, version: before.version + 1, updated_at: now })
    .where("id", "=", before.id)
    .execute();
  await audit({
    action: "metric.archived",
    entityType: "metric",
    entityId: before.id,
    changes: { archivedAt: { before: null, after: now.toISOString() }, reason: { before: null, after: reason } },
  });
  const row = await metricQuery(tx, org.orgId).where("m.id", "=", before.id).executeTakeFirstOrThrow();
  return presentMetric(row);
};
