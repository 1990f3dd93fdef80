import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import type { JobHandler } from "../jobs/job-types.js";

/** The recurring job that deletes raw spans past their organisation's retention and expired content. */
export const TELEMETRY_RETENTION_JOB = "telemetry.retention";
export const TELEMETRY_RETENTION_EVERY_MS = 10 * 60_000;

/**
 * Deletes spans received longer ago than the organisation's span_retention_hours (168 without
 * settings) and captured content past its expires_at. Rollups, metrics and observations stay: they
 * hold counts, never text. Returns how many spans and content rows went.
 */
export async function applyTelemetryRetention(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<{ spans: number; content: number }> {
  const spans = await sql`delete from telemetry_spans s
    using (select o.id, coalesce(ts.span_retention_hours, 168) as hours
           from organizations o left join telemetry_settings ts on ts.org_id = o.id) r
    where s.org_id = r.id and s.received_at < ${now}::timestamptz - r.hours * interval '1 hour'`.execute(db);
  const content = await db.deleteFrom("telemetry_content").where("expires_at", "<=", now).executeTakeFirst();
  return { spans: Number(spans.numAffectedRows ?? 0), content: Number(content.numDeletedRows) };
}

export const telemetryJobHandlers: Record<string, JobHandler> = {
  [TELEMETRY_RETENTION_JOB]: async (_job, { db }) => {
    await applyTelemetryRetention(db);
  },
};
