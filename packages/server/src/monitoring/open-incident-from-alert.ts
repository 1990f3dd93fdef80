import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { appendAuditEntry, systemActor } from "../audit/append-audit-entry.js";
import { createIncident } from "../incidents/create-incident.js";

/**
 * An alert rule's first act: a critical alert on a metric that asks for it opens an incident in the
 * system's name, with the alert linked and its AI system affected.
 */
export async function openIncidentFromAlert(
  tx: Kysely<Database>,
  alert: {
    id: string;
    ref: string;
    orgId: string;
    metricName: string;
    value: number | null;
    observedAt: Date | null;
    /** What an anomaly alert saw, e.g. "prompt-injection markers from caller x, 12:00–12:05 UTC". */
    about?: string | undefined;
  },
  requestId: string | null,
): Promise<{ id: string; ref: string }> {
  const seen =
    alert.value === null
      ? ""
      : ` It observed ${alert.value}${alert.observedAt ? ` at ${alert.observedAt.toISOString()}` : ""}.`;
  return createIncident(
    tx,
    { orgId: alert.orgId, membershipId: null },
    (event) => appendAuditEntry(tx, { ...event, orgId: alert.orgId, actor: systemActor("monitoring"), requestId }),
    {
      title: alert.about
        ? `Critical anomaly ${alert.ref}: ${alert.about}`.slice(0, 200)
        : `Critical alert ${alert.ref} on metric ${alert.metricName}`,
      description: `Monitoring raised critical alert ${alert.ref} on metric ${alert.metricName}.${alert.about ? ` It saw ${alert.about}.` : ""}${seen} The metric's alert rule opens an incident for critical alerts.`,
      severity: "high",
      systemIds: [],
      links: [{ kind: "alert", id: alert.id }],
      detectedAt: alert.observedAt ?? new Date(),
      origin: `Opened by monitoring from critical alert ${alert.ref}.`,
    },
  );
}
