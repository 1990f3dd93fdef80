import type { IncidentLinkKind } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { notFound } from "../http/app-error.js";
import { invalidBody } from "../risks/field-errors.js";

/**
 * The table and display name of each kind of record an incident can link to. The tables come from
 * several migrations (some of them newer than this module's types), so they are named here and
 * queried by name.
 */
export const linkTargets: Readonly<Record<IncidentLinkKind, { table: string; entity: string }>> = {
  risk: { table: "risks", entity: "Risk" },
  change: { table: "system_changes", entity: "Change" },
  alert: { table: "metric_alerts", entity: "Alert" },
  nonconformity: { table: "nonconformities", entity: "Nonconformity" },
  corrective_action: { table: "corrective_actions", entity: "Corrective action" },
  incident: { table: "incidents", entity: "Incident" },
};

/**
 * Refuses a link whose target is not a record of that kind in this organisation: 404 like any other
 * record of another organisation, 400 naming the field when that kind of record does not exist in
 * this installation yet.
 */
export async function checkLinkTarget(
  tx: Kysely<Database>,
  orgId: string,
  link: { kind: IncidentLinkKind; id: string },
  field: string,
): Promise<void> {
  const target = linkTargets[link.kind];
  const present = await sql<{ found: string | null }>`select to_regclass(${target.table})::text as found`.execute(tx);
  if (!present.rows[0]?.found) {
    throw invalidBody([{ field, message: `${target.entity} records cannot be linked in this installation.` }]);
  }
  const found = await sql<{
    id: string;
  }>`select id from ${sql.table(target.table)} where id = ${link.id} and org_id = ${orgId}`.execute(tx);
  if (found.rows.length === 0) throw notFound(target.entity, link.id);
}

/** The AI systems the given alerts are about, so an incident opened from an alert affects that system. */
export async function systemsOfAlerts(
  tx: Kysely<Database>,
  orgId: string,
  alertIds: readonly string[],
): Promise<string[]> {
  if (alertIds.length === 0) return [];
  const rows = await sql<{
    system_id: string | null;
  }>`select distinct system_id from metric_alerts where org_id = ${orgId} and id in (${sql.join(alertIds)})`.execute(
    tx,
  );
  return rows.rows.flatMap((row) => (row.system_id ? [row.system_id] : []));
}
