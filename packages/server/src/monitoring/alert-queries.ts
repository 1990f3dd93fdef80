import type { Alert, AlertKind, AlertLevel, AlertStatus, AnomalyDetector } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound } from "../http/app-error.js";

/** Alerts of an organisation with their metric, system and the people who acknowledged and resolved them. */
export function alertQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("metric_alerts as a")
    .innerJoin("metrics as m", "m.id", "a.metric_id")
    .innerJoin("ai_systems as sys", "sys.id", "a.system_id")
    .leftJoin("memberships as am", "am.id", "a.acknowledged_by_member_id")
    .leftJoin("users as au", "au.id", "am.user_id")
    .leftJoin("memberships as rm", "rm.id", "a.resolved_by_member_id")
    .leftJoin("users as ru", "ru.id", "rm.user_id")
    .selectAll("a")
    .select([
      "m.name as metric_name",
      "m.unit as metric_unit",
      "sys.slug as system_slug",
      "sys.name as system_name",
      "au.name as acknowledged_by_name",
      "ru.name as resolved_by_name",
    ])
    .where("a.org_id", "=", orgId);
}

export type AlertRow = Awaited<ReturnType<ReturnType<typeof alertQuery>["executeTakeFirstOrThrow"]>>;
type IncidentRef = Alert["incidents"][number];

/** The incidents linked to each alert, from the incidents' link table. */
export async function incidentsOfAlerts(
  db: Kysely<Database>,
  orgId: string,
  alertIds: readonly string[],
): Promise<Map<string, IncidentRef[]>> {
  const byAlert = new Map<string, IncidentRef[]>();
  if (alertIds.length === 0) return byAlert;
  const rows = await db
    .selectFrom("incident_links as l")
    .innerJoin("incidents as i", "i.id", "l.incident_id")
    .select(["l.target_id", "i.id", "i.ref", "i.title", "i.status"])
    .where("l.org_id", "=", orgId)
    .where("l.kind", "=", "alert")
    .where("l.target_id", "in", alertIds)
    .orderBy("i.created_at")
    .execute();
  for (const row of rows) {
    const list = byAlert.get(row.target_id) ?? [];
    list.push({ id: row.id, ref: row.ref, title: row.title, status: row.status });
    byAlert.set(row.target_id, list);
  }
  return byAlert;
}

export function presentAlert(row: AlertRow, incidents: IncidentRef[] = []): Alert {
  return {
    id: row.id,
    ref: row.ref,
    metric: { id: row.metric_id, name: row.metric_name, unit: row.metric_unit },
    system: { id: row.system_id, slug: row.system_slug, name: row.system_name },
    kind: row.kind as AlertKind,
    level: row.level as AlertLevel,
    status: row.status as AlertStatus,
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    observedValue: row.observed_value,
    observedAt: row.observed_at?.toISOString() ?? null,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy:
      row.acknowledged_by_member_id && row.acknowledged_by_name
        ? { memberId: row.acknowledged_by_member_id, name: row.acknowledged_by_name }
        : null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy:
      row.resolved_by_member_id && row.resolved_by_name
        ? { memberId: row.resolved_by_member_id, name: row.resolved_by_name }
        : null,
    resolutionNote: row.resolution_note,
    subject: row.subject,
    detector: (row.detector as AnomalyDetector | null) ?? null,
    windowStart: row.window_start?.toISOString() ?? null,
    windowEnd: row.window_end?.toISOString() ?? null,
    evidence: (row.evidence as Record<string, unknown> | null) ?? null,
    incidents,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Alerts as the API shows them, with their incidents. */
export async function presentAlerts(db: Kysely<Database>, orgId: string, rows: AlertRow[]): Promise<Alert[]> {
  const incidents = await incidentsOfAlerts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentAlert(row, incidents.get(row.id)));
}

export async function loadAlert(db: Kysely<Database>, orgId: string, alertId: string): Promise<Alert> {
  const row = await alertQuery(db, orgId).where("a.id", "=", alertId).executeTakeFirst();
  if (!row) throw notFound("Alert", alertId);
  const [alert] = await presentAlerts(db, orgId, [row]);
  return alert as Alert;
}
