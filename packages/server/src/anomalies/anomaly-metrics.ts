import { randomUUID } from "node:crypto";
import { type AnomalyDetector, labelOf } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import type { AlertingMetric } from "../monitoring/raise-alert.js";

/** Anomaly detection creates its metrics in its own name. */
export const anomalyActor = systemActor("anomaly-detection");

/** Detectors whose critical detections open an incident unless someone changes the metric's rule. */
export const SECURITY_DETECTORS: ReadonlySet<AnomalyDetector> = new Set(["injection_markers", "exfiltration"]);

function anomalyMetricOf(tx: Kysely<Database>, systemId: string, detector: AnomalyDetector) {
  return tx
    .selectFrom("metrics")
    .select(["id", "org_id", "system_id", "name", "open_incident_on_critical", "review_risk_id"])
    .where("system_id", "=", systemId)
    .where("source", "=", "anomaly")
    .where("source_key", "=", detector)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

/**
 * The system's metric an anomaly detector's alerts hang on (source 'anomaly', source_key the
 * detector), created on first need. Security detectors open an incident on a critical detection by
 * default. When a person already named another metric of the system alike, the detector's name is
 * added to keep them apart.
 */
export async function ensureAnomalyMetric(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
  detector: AnomalyDetector,
): Promise<AlertingMetric> {
  const existing = await anomalyMetricOf(tx, systemId, detector);
  if (existing) return existing;
  const label = labelOf("anomalyDetector", detector);
  for (const name of [`Anomaly: ${label}`, `Anomaly: ${label} (${detector})`]) {
    const id = randomUUID();
    const created = await tx
      .insertInto("metrics")
      .values({
        id,
        org_id: orgId,
        system_id: systemId,
        name,
        description: `Detections of the ${label.toLowerCase()} detector of runtime anomaly detection; see docs/anomaly-detection.md.`,
        unit: "detections",
        direction: "lower_is_better",
        warning_threshold: null,
        critical_threshold: null,
        cadence_minutes: null,
        open_incident_on_critical: SECURITY_DETECTORS.has(detector),
        review_risk_id: null,
        created_by_member_id: null,
        source: "anomaly",
        source_key: detector,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (created)
      await appendAuditEntry(tx, {
        orgId,
        actor: anomalyActor,
        requestId: null,
        action: "metric.created",
        entityType: "metric",
        entityId: id,
        changes: {
          name: { before: null, after: name },
          source: { before: null, after: "anomaly" },
          sourceKey: { before: null, after: detector },
          openIncidentOnCritical: { before: null, after: SECURITY_DETECTORS.has(detector) },
        },
      });
    const metric = await anomalyMetricOf(tx, systemId, detector);
    if (metric) return metric;
  }
  throw new Error(`No anomaly metric could be created for detector ${detector} of system ${systemId}.`);
}
