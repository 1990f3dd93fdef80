import { randomUUID } from "node:crypto";
import { type AlertKind, type AlertLevel, type AnomalyDetector, labelOf, type RaisedAlert } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import { formatUtc } from "../exports/table-export.js";
import { nextRef } from "../records/next-ref.js";
import { requestRiskRereview } from "../risks/request-risk-rereview.js";
import { openIncidentFromAlert } from "./open-incident-from-alert.js";

/** The metric an alert is about, with the rules that act when one is raised. */
export interface AlertingMetric {
  id: string;
  org_id: string;
  system_id: string;
  name: string;
  open_incident_on_critical: boolean;
  review_risk_id: string | null;
}

/** What was seen: a breach at a level, or missing data, between two times, and the value that showed it. */
export interface AlertSignal {
  kind: AlertKind;
  level: AlertLevel;
  firstSeenAt: Date;
  lastSeenAt: Date;
  value: number | null;
  observedAt: Date | null;
  /** For anomaly alerts: about whom, which detector, the window the evidence comes from, and the evidence. */
  anomaly?: AnomalySignal;
}

/** What an anomaly detector adds to a signal. */
export interface AnomalySignal {
  /** A caller identity, or "" for the whole system. */
  subject: string;
  detector: AnomalyDetector;
  windowStart: Date;
  windowEnd: Date;
  /** Counts, the baseline and sample span ids. */
  evidence: Record<string, unknown>;
}

/** Monitoring raises and escalates alerts in its own name, whoever pushed the observation. */
export const monitoringActor = systemActor("monitoring");

async function openAlertOf(tx: Kysely<Database>, metricId: string, kind: AlertKind, subject: string) {
  return tx
    .selectFrom("metric_alerts")
    .select(["id", "ref", "level", "version", "last_seen_at"])
    .where("metric_id", "=", metricId)
    .where("kind", "=", kind)
    .where("subject", "=", subject)
    .where("status", "<>", "resolved")
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Raises an alert for the signal, or adds it to the metric's alert of that kind (and, for anomalies,
 * that subject) that is not yet resolved: at most one such alert exists, which the database enforces,
 * so two servers that see the same breach at once raise one alert; an anomaly joining an open alert
 * widens its window and replaces its evidence. A critical signal escalates an open warning. A raised alert
 * asks for the metric's chosen risk to be reviewed again, and a critical one opens an incident when
 * the metric's rule says so. Returns the alert
 * when it was raised or escalated, null when the signal only extended an open alert.
 */
export async function raiseAlert(
  tx: Kysely<Database>,
  metric: AlertingMetric,
  signal: AlertSignal,
  requestId: string | null,
): Promise<RaisedAlert | null> {
  const anomaly = signal.anomaly;
  const subject = anomaly?.subject ?? "";
  const about = anomalyDescription(anomaly);
  let open = await openAlertOf(tx, metric.id, signal.kind, subject);
  if (!open) {
    const id = randomUUID();
    const ref = await nextRef(tx, metric.org_id, "metric_alert", "AL");
    const inserted = await tx
      .insertInto("metric_alerts")
      .values({
        id,
        org_id: metric.org_id,
        ref,
        metric_id: metric.id,
        system_id: metric.system_id,
        kind: signal.kind,
        level: signal.level,
        first_seen_at: signal.firstSeenAt,
        last_seen_at: signal.lastSeenAt,
        observed_value: signal.value,
        observed_at: signal.observedAt,
        ...(anomaly
          ? {
              subject,
              detector: anomaly.detector,
              window_start: anomaly.windowStart,
              window_end: anomaly.windowEnd,
              evidence: JSON.stringify(anomaly.evidence),
            }
          : {}),
      })
      .onConflict((oc) => oc.columns(["metric_id", "kind", "subject"]).where("status", "<>", "resolved").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) {
      await appendAuditEntry(tx, {
        orgId: metric.org_id,
        actor: monitoringActor,
        requestId,
        action: "alert.raised",
        entityType: "metric_alert",
        entityId: id,
        changes: {
          ref: { before: null, after: ref },
          metric: { before: null, after: metric.name },
          kind: { before: null, after: signal.kind },
          level: { before: null, after: signal.level },
          observedValue: { before: null, after: signal.value },
          observedAt: { before: null, after: signal.observedAt?.toISOString() ?? null },
          ...(anomaly
            ? {
                subject: { before: null, after: subject },
                detector: { before: null, after: anomaly.detector },
                windowStart: { before: null, after: anomaly.windowStart.toISOString() },
                windowEnd: { before: null, after: anomaly.windowEnd.toISOString() },
              }
            : {}),
        },
      });
      if (signal.level === "critical" && metric.open_incident_on_critical)
        await openIncidentFromAlert(
          tx,
          {
            id,
            ref,
            orgId: metric.org_id,
            metricName: metric.name,
            value: signal.value,
            observedAt: signal.observedAt,
            about,
          },
          requestId,
        );
      if (metric.review_risk_id)
        await requestRiskRereview(
          tx,
          metric.org_id,
          metric.review_risk_id,
          { source: "metric_alert", sourceId: id, description: `alert ${ref} on metric ${metric.name}` },
          (event) => appendAuditEntry(tx, { ...event, orgId: metric.org_id, actor: monitoringActor, requestId }),
        );
      return { id, ref, metric: metric.name, kind: signal.kind, level: signal.level, change: "raised" };
    }
    // Another server raised it a moment ago; its row is committed now, so this signal joins it.
    open = await openAlertOf(tx, metric.id, signal.kind, subject);
    if (!open) return null;
  }
  const escalates = open.level === "warning" && signal.level === "critical";
  await tx
    .updateTable("metric_alerts")
    .set({
      last_seen_at: sql<Date>`greatest(last_seen_at, ${signal.lastSeenAt})`,
      ...(anomaly
        ? {
            window_start: sql<Date>`least(window_start, ${anomaly.windowStart})`,
            window_end: sql<Date>`greatest(window_end, ${anomaly.windowEnd})`,
            evidence: JSON.stringify(anomaly.evidence),
          }
        : {}),
      ...(escalates
        ? {
            level: "critical",
            observed_value: signal.value,
            observed_at: signal.observedAt,
            version: open.version + 1,
            updated_at: new Date(),
          }
        : {}),
    })
    .where("id", "=", open.id)
    .execute();
  if (!escalates) return null;
  await appendAuditEntry(tx, {
    orgId: metric.org_id,
    actor: monitoringActor,
    requestId,
    action: "alert.escalated",
    entityType: "metric_alert",
    entityId: open.id,
    changes: {
      level: { before: "warning", after: "critical" },
      observedValue: { before: null, after: signal.value },
      observedAt: { before: null, after: signal.observedAt?.toISOString() ?? null },
    },
  });
  if (metric.open_incident_on_critical)
    await openIncidentFromAlert(
      tx,
      {
        id: open.id,
        ref: open.ref,
        orgId: metric.org_id,
        metricName: metric.name,
        value: signal.value,
        observedAt: signal.observedAt,
        about,
      },
      requestId,
    );
  return { id: open.id, ref: open.ref, metric: metric.name, kind: signal.kind, level: "critical", change: "escalated" };
}

/** "Prompt-injection markers from caller x, 2026-12-07 08:50:00 UTC – 2026-12-07 09:05:00 UTC", for an incident opened from an anomaly alert. */
function anomalyDescription(anomaly: AnomalySignal | undefined): string | undefined {
  if (!anomaly) return undefined;
  const who = anomaly.subject ? `caller ${anomaly.subject}` : "the whole system";
  return `${labelOf("anomalyDetector", anomaly.detector)} from ${who}, ${formatUtc(anomaly.windowStart)} – ${formatUtc(anomaly.windowEnd)}`;
}
