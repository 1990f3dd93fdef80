import type { Routes, SystemTelemetrySettings, TelemetrySettings } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { forgetIntakeContext } from "./intake-context.js";

/** Defaults of an organisation without a telemetry_settings row (the migration's column defaults). */
export const defaultTelemetrySettings = {
  system_attribute: "service.name",
  caller_attribute: "enduser.id",
  span_retention_hours: 168,
};

/** The organisation's telemetry settings, or the defaults (version 1, never saved) without a row. */
export async function loadTelemetrySettings(db: Kysely<Database>, orgId: string): Promise<TelemetrySettings> {
  const row = await db.selectFrom("telemetry_settings").selectAll().where("org_id", "=", orgId).executeTakeFirst();
  return {
    systemAttribute: row?.system_attribute ?? defaultTelemetrySettings.system_attribute,
    callerAttribute: row?.caller_attribute ?? defaultTelemetrySettings.caller_attribute,
    spanRetentionHours: row?.span_retention_hours ?? defaultTelemetrySettings.span_retention_hours,
    updatedAt: row?.updated_at.toISOString() ?? null,
    version: row?.version ?? 1,
  };
}

export const getTelemetrySettings: Handler<Routes["getTelemetrySettings"]> = async ({ tx, org }) =>
  loadTelemetrySettings(tx, org.orgId);

export const updateTelemetrySettings: Handler<Routes["updateTelemetrySettings"]> = async ({
  tx,
  org,
  input,
  audit,
  afterCommit,
}) => {
  afterCommit(async () => forgetIntakeContext(org.orgId));
  const { version, systemAttribute, callerAttribute, spanRetentionHours } = input.body;
  // Serialise concurrent first saves: the row may not exist yet.
  await sql`select pg_advisory_xact_lock(hashtext(${`telemetry_settings:${org.orgId}`}))`.execute(tx);
  const before = await loadTelemetrySettings(tx, org.orgId);
  if (before.version !== version) throw staleVersion("telemetry settings", before.version, version);
  const now = new Date();
  const columns = {
    system_attribute: systemAttribute,
    caller_attribute: callerAttribute,
    span_retention_hours: spanRetentionHours,
  };
  await tx
    .insertInto("telemetry_settings")
    .values({ org_id: org.orgId, ...columns, updated_at: now, version: version + 1 })
    .onConflict((oc) => oc.column("org_id").doUpdateSet({ ...columns, updated_at: now, version: version + 1 }))
    .execute();
  const previous: Record<string, unknown> = {
    system_attribute: before.systemAttribute,
    caller_attribute: before.callerAttribute,
    span_retention_hours: before.spanRetentionHours,
  };
  await audit({
    action: "telemetry_settings.updated",
    entityType: "telemetry_settings",
    entityId: org.orgId,
    changes: Object.fromEntries(
      Object.entries(columns)
        .filter(([k, v]) => previous[k] !== v)
        .map(([k, v]) => [k, { before: previous[k], after: v }]),
    ),
  });
  return loadTelemetrySettings(tx, org.orgId);
};

/** The system with its telemetry settings (defaults without a row); 404 for another organisation's. */
export async function loadSystemTelemetrySettings(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
): Promise<SystemTelemetrySettings & { archived: boolean }> {
  const row = await db
    .selectFrom("ai_systems as s")
    .leftJoin("telemetry_systems as t", "t.system_id", "s.id")
    .select([
      "s.id",
      "s.slug",
      "s.name",
      "s.archived_at",
      "t.service_name",
      "t.capture_content",
      "t.content_retention_days",
      "t.updated_at",
      "t.version",
    ])
    .where("s.org_id", "=", orgId)
    .where("s.id", "=", systemId)
    .executeTakeFirst();
  if (!row) throw notFound("AI system", systemId);
  const last = await db
    .selectFrom("telemetry_rollups")
    .select("updated_at")
    .where("system_id", "=", row.id)
    .orderBy("minute", "desc")
    .limit(1)
    .executeTakeFirst();
  return {
    system: { id: row.id, slug: row.slug, name: row.name },
    serviceName: row.service_name ?? null,
    effectiveServiceName: row.service_name ?? row.slug,
    captureContent: row.capture_content ?? false,
    contentRetentionDays: row.content_retention_days ?? 30,
    lastSpanAt: last?.updated_at.toISOString() ?? null,
    updatedAt: row.updated_at?.toISOString() ?? null,
    version: row.version ?? 1,
    archived: row.archived_at !== null,
  };
}

export const getSystemTelemetrySettings: Handler<Routes["getSystemTelemetrySettings"]> = async ({ tx, org, input }) => {
  const { archived: _, ...settings } = await loadSystemTelemetrySettings(tx, org.orgId, input.params.systemId);
  return settings;
};

export const updateSystemTelemetrySettings: Handler<Routes["updateSystemTelemetrySettings"]> = async ({
  tx,
  org,
  input,
  audit,
  afterCommit,
}) => {
  afterCommit(async () => forgetIntakeContext(org.orgId));
  const { systemId } = input.params;
  const { version, serviceName, captureContent, contentRetentionDays } = input.body;
  await sql`select pg_advisory_xact_lock(hashtext(${`telemetry_systems:${systemId}`}))`.execute(tx);
  const before = await loadSystemTelemetrySettings(tx, org.orgId, systemId);
  if (before.archived)
    throw new AppError(
      "illegal_transition",
      `AI system '${before.system.name}' is archived; its settings cannot change.`,
    );
  if (before.version !== version) throw staleVersion("system's telemetry settings", before.version, version);
  if (serviceName !== null) {
    const clash = await tx
      .selectFrom("ai_systems as s")
      .leftJoin("telemetry_systems as t", "t.system_id", "s.id")
      .select("s.name")
      .where("s.org_id", "=", org.orgId)
      .where("s.id", "<>", systemId)
      .where("s.archived_at", "is", null)
      .where(sql<boolean>`coalesce(t.service_name, s.slug) = ${serviceName}`)
      .executeTakeFirst();
    if (clash)
      throw invalidBody([{ field: "serviceName", message: `already names AI system '${clash.name}' in telemetry` }]);
  }
  const now = new Date();
  const columns = {
    service_name: serviceName,
    capture_content: captureContent,
    content_retention_days: contentRetentionDays,
  };
  await tx
    .insertInto("telemetry_systems")
    .values({ system_id: systemId, org_id: org.orgId, ...columns, updated_at: now, version: version + 1 })
    .onConflict((oc) => oc.column("system_id").doUpdateSet({ ...columns, updated_at: now, version: version + 1 }))
    .execute();
  const previous: Record<string, unknown> = {
    service_name: before.serviceName,
    capture_content: before.captureContent,
    content_retention_days: before.contentRetentionDays,
  };
  await audit({
    action: "telemetry_system.updated",
    entityType: "ai_system",
    entityId: systemId,
    changes: Object.fromEntries(
      Object.entries(columns)
        .filter(([k, v]) => previous[k] !== v)
        .map(([k, v]) => [k, { before: previous[k], after: v }]),
    ),
  });
  const { archived: _, ...settings } = await loadSystemTelemetrySettings(tx, org.orgId, systemId);
  return settings;
};
