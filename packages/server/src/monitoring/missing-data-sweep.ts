import type { MissingDataSweep, RaisedAlert, Routes } from "@openaims/contracts";
import { isDataMissing } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { Handler } from "../http/handler-context.js";
import { raiseAlert } from "./raise-alert.js";

/** Metrics in use with a cadence and no missing-data alert open, with when each was last observed. */
function candidates(db: Kysely<Database>, orgId: string | null) {
  return db
    .selectFrom("metrics as m")
    .innerJoin("ai_systems as sys", "sys.id", "m.system_id")
    .select([
      "m.id",
      "m.org_id",
      "m.system_id",
      "m.name",
      "m.cadence_minutes",
      "m.created_at",
      "m.open_incident_on_critical",
      "m.review_risk_id",
      sql<Date | null>`(select max(o.at) from metric_observations o where o.metric_id = m.id)`.as("last_at"),
    ])
    .where("m.archived_at", "is", null)
    .where("sys.archived_at", "is", null)
    .where("m.cadence_minutes", "is not", null)
    .$if(orgId !== null, (q) => q.where("m.org_id", "=", orgId as string))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("metric_alerts as a")
            .select("a.id")
            .whereRef("a.metric_id", "=", "m.id")
            .where("a.kind", "=", "missing_data")
            .where("a.status", "<>", "resolved"),
        ),
      ),
    )
    .execute();
}

/**
 * Raises a missing-data alert for every metric (of one organisation, or of all) that has had no
 * observation for longer than its cadence. Each alert is raised in `inTransaction`; raising is
 * deduplicated by the database, so servers sweeping the same database at once raise each alert once.
 */
export async function sweepMissingData(
  db: Kysely<Database>,
  orgId: string | null,
  now: Date,
  inTransaction: <T>(work: (tx: Kysely<Database>) => Promise<T>) => Promise<T>,
  requestId: string | null,
): Promise<MissingDataSweep> {
  const metrics = await candidates(db, orgId);
  const alerts: RaisedAlert[] = [];
  for (const metric of metrics) {
    const cadence = { cadenceMinutes: metric.cadence_minutes };
    const lastAt = metric.last_at === null ? null : new Date(metric.last_at);
    if (!isDataMissing(cadence, lastAt, metric.created_at, now)) continue;
    const since = lastAt ?? metric.created_at;
    const expectedBy = new Date(since.getTime() + (metric.cadence_minutes ?? 0) * 60_000);
    const alert = await inTransaction((tx) =>
      raiseAlert(
        tx,
        metric,
        {
          kind: "missing_data",
          level: "warning",
          firstSeenAt: expectedBy,
          lastSeenAt: now,
          value: null,
          observedAt: lastAt,
        },
        requestId,
      ),
    );
    if (alert) alerts.push(alert);
  }
  return { checked: metrics.length, alerts };
}

/** Sweeps the organisation now, in the request's transaction: for tests, and for people who will not wait. */
export const sweepMissingDataNow: Handler<Routes["sweepMissingData"]> = async ({ tx, org, requestId }) =>
  sweepMissingData(tx, org.orgId, new Date(), (work) => work(tx), requestId);
