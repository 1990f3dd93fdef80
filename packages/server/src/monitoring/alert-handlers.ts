import type { AlertStatus, Routes } from "@openaims/contracts";
import { checkAlertTransition } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { alertQuery, loadAlert, presentAlerts } from "./alert-queries.js";

/** Alerts, newest first; with `active`, only those not yet resolved. */
export const listAlerts: Handler<Routes["listAlerts"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, systemId, metricId, status, level, active, kind, detector, subject } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "a.created_at" }, "a.id");
  const cursor = parseCursor(rawCursor);
  let query = alertQuery(tx, org.orgId);
  if (systemId) query = query.where("a.system_id", "=", systemId);
  if (metricId) query = query.where("a.metric_id", "=", metricId);
  if (status) query = query.where("a.status", "=", status);
  if (active) query = query.where("a.status", "<>", "resolved");
  if (level) query = query.where("a.level", "=", level);
  if (kind) query = query.where("a.kind", "=", kind);
  if (detector) query = query.where("a.detector", "=", detector);
  if (subject !== undefined) query = query.where("a.subject", "=", subject);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("a.created_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.created_at), id: row.id }),
    (row) => row,
  );
  return { items: await presentAlerts(tx, org.orgId, page.items), nextCursor: page.nextCursor };
};

export const getAlert: Handler<Routes["getAlert"]> = async ({ tx, org, input }) =>
  loadAlert(tx, org.orgId, input.params.alertId);

/** The alert, locked; 404 across organisations, 409 when stale or when the step is not allowed. */
async function lockAlertFor(tx: Kysely<Database>, orgId: string, alertId: string, version: number, to: AlertStatus) {
  const row = await tx
    .selectFrom("metric_alerts")
    .select(["id", "ref", "status", "version"])
    .where("org_id", "=", orgId)
    .where("id", "=", alertId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Alert", alertId);
  const step = checkAlertTransition(row.status as AlertStatus, to);
  if (!step.ok) throw new AppError("illegal_transition", step.reason, { allowed: step.allowed });
  if (row.version !== version) throw staleVersion("alert", row.version, version);
  return row;
}

export const acknowledgeAlert: Handler<Routes["acknowledgeAlert"]> = async ({ tx, org, input, audit }) => {
  const alert = await lockAlertFor(tx, org.orgId, input.params.alertId, input.body.version, "acknowledged");
  const now = new Date();
  await tx
    .updateTable("metric_alerts")
    .set({
      status: "acknowledged",
      acknowledged_at: now,
      acknowledged_by_member_id: org.membershipId,
      version: alert.version + 1,
      updated_at: now,
    })
    .where("id", "=", alert.id)
    .execute();
  await audit({
    action: "alert.acknowledged",
    entityType: "metric_alert",
    entityId: alert.id,
    changes: { status: { before: alert.status, after: "acknowledged" } },
  });
  return loadAlert(tx, org.orgId, alert.id);
};

export const resolveAlert: Handler<Routes["resolveAlert"]> = async ({ tx, org, input, audit }) => {
  const alert = await lockAlertFor(tx, org.orgId, input.params.alertId, input.body.version, "resolved");
  const now = new Date();
  const note = input.body.note ?? "";
  await tx
    .updateTable("metric_alerts")
    .set({
      status: "resolved",
      resolved_at: now,
      resolved_by_member_id: org.membershipId,
      resolution_note: note || null,
      version: alert.version + 1,
      updated_at: now,
    })
    .where("id", "=", alert.id)
    .execute();
  await audit({
    action: "alert.resolved",
    entityType: "metric_alert",
    entityId: alert.id,
    changes: { status: { before: alert.status, after: "resolved" }, note: { before: null, after: note || null } },
  });
  return loadAlert(tx, org.orgId, alert.id);
};
