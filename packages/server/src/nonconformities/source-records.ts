import type { NonconformitySource } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { FieldProblem } from "../risks/field-errors.js";

/** Sources whose records live in a table of this server, and how a record of each is named. */
const sourceTables = {
  redteam_finding: { table: "redteam_findings", noun: "a red-team finding" },
  incident: { table: "incidents", noun: "an incident" },
  alert: { table: "metric_alerts", noun: "a monitoring alert" },
  nonconformity: { table: "nonconformities", noun: "a nonconformity" },
  concern: { table: "concerns", noun: "a reported concern" },
  audit: { table: "internal_audits", noun: "an internal audit" },
} as const;

type TrackedSource = keyof typeof sourceTables;
const isTracked = (source: string): source is TrackedSource => source in sourceTables;

/** Sources that must name their record: an incident, alert, finding or nonconformity is always one record. */
const needsRecord = new Set<string>(["redteam_finding", "incident", "alert", "nonconformity", "concern"]);

/**
 * Checks a source and its record: a record-backed source needs a record of that kind in this
 * organisation; an audit may name its internal audit or none (an external audit); sources without
 * records here (by hand, management reviews, other) take none. Problems name the `sourceId` field.
 */
export async function checkSourceRecord(
  db: Kysely<Database>,
  orgId: string,
  source: NonconformitySource | string,
  sourceId: string | null | undefined,
): Promise<FieldProblem[]> {
  if (!isTracked(source)) {
    return sourceId
      ? [{ field: "sourceId", message: "must be left empty for this source; it has no record here" }]
      : [];
  }
  const { table, noun } = sourceTables[source];
  if (!sourceId) return needsRecord.has(source) ? [{ field: "sourceId", message: `must name ${noun}` }] : [];
  const row = await db
    .selectFrom(table)
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", sourceId)
    .executeTakeFirst();
  return row ? [] : [{ field: "sourceId", message: `is not ${noun} of this organisation` }];
}

/**
 * The human references of source records (INC-3, an alert's ref, NC-2, IA-4, a scan's ref for a finding),
 * read in one query per kind; records without a reference are left out.
 */
export async function loadSourceRefs(
  db: Kysely<Database>,
  orgId: string,
  items: readonly { source: string; sourceId: string | null }[],
): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  const idsOf = (source: string) => [
    ...new Set(items.filter((i) => i.source === source && i.sourceId).map((i) => i.sourceId as string)),
  ];
  for (const table of ["incidents", "metric_alerts", "nonconformities", "concerns", "internal_audits"] as const) {
    const source = (Object.keys(sourceTables) as TrackedSource[]).find((s) => sourceTables[s].table === table);
    const ids = source ? idsOf(source) : [];
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom(table)
      .select(["id", "ref"])
      .where("org_id", "=", orgId)
      .where("id", "in", ids)
      .execute();
    for (const row of rows) refs.set(row.id, row.ref);
  }
  const findingIds = idsOf("redteam_finding");
  if (findingIds.length > 0) {
    const rows = await db
      .selectFrom("redteam_findings as f")
      .innerJoin("redteam_scans as s", "s.id", "f.scan_id")
      .select(["f.id", "s.ref"])
      .where("f.org_id", "=", orgId)
      .where("f.id", "in", findingIds)
      .execute();
    for (const row of rows) refs.set(row.id, row.ref);
  }
  return refs;
}
