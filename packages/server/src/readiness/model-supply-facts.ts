import type { ModelSupplyFacts } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/**
 * Per AI system, its model assets (kind model, live, linked now) judged by each model's latest scan:
 * never scanned, a high or critical finding of that scan still open, or a signature not verified.
 * One grouped query, so the cost grows with the number of linked models, not of scans or findings.
 */
export async function modelSupplyFacts(db: Kysely<Database>, orgId: string): Promise<Map<string, ModelSupplyFacts>> {
  const { rows } = await sql<{
    system_id: string;
    total: number;
    never_scanned: number;
    serious: number;
    unsigned: number;
  }>`
    with models as (
      select distinct l.system_id, a.id as asset_id
      from ai_system_assets l
      join ai_assets a on a.id = l.asset_id
      where l.org_id = ${orgId} and l.archived_at is null and a.archived_at is null and a.kind = 'model'
    ),
    latest as (
      select distinct on (s.asset_id) s.asset_id, s.id, s.signature_status
      from model_scans s
      where s.org_id = ${orgId} and s.archived_at is null and s.asset_id in (select asset_id from models)
      order by s.asset_id, s.created_at desc, s.id desc
    )
    select m.system_id,
      count(*)::int as total,
      (count(*) filter (where l.id is null))::int as never_scanned,
      (count(*) filter (where exists (
        select 1 from model_scan_findings f
        where f.org_id = ${orgId} and f.scan_id = l.id and f.status = 'open' and f.severity_rank >= 3
      )))::int as serious,
      (count(*) filter (where l.id is not null and l.signature_status <> 'verified'))::int as unsigned
    from models m
    left join latest l on l.asset_id = m.asset_id
    group by m.system_id
  `.execute(db);
  return new Map(
    rows.map((row) => [
      row.system_id,
      {
        total: Number(row.total),
        neverScanned: Number(row.never_scanned),
        unresolvedSerious: Number(row.serious),
        unsigned: Number(row.unsigned),
      },
    ]),
  );
}
