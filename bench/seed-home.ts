import type { AimsDatabase, RawSession } from "@openaims/db";
import { type AimsCoreSize, seedAimsCore } from "./seed-aims-core.js";

export interface SeededHome {
  orgId: string;
  /** Write-scope token of the owner. */
  tokenSecret: string;
  seconds: number;
}

/**
 * The management system at size (`seedAimsCore`), plus what only the home dashboard reads: risks,
 * systems and treatment actions owned by the owner with some past their dates, evidence expiring within
 * 30 days, and twenty finished red-team scans.
 */
export async function seedHome(database: AimsDatabase, size: AimsCoreSize): Promise<SeededHome> {
  const started = performance.now();
  const core = await seedAimsCore(database, size);
  await database.withSession(async (session) => {
    await session.exec("begin");
    await insertHomeExtras(session, core.orgId);
    await session.exec("commit");
    await session.exec("analyze");
  });
  return { orgId: core.orgId, tokenSecret: core.tokenSecret, seconds: (performance.now() - started) / 1000 };
}

async function insertHomeExtras(session: RawSession, orgId: string): Promise<void> {
  const owner = `(select id from memberships where org_id = $1 and role = 'owner' limit 1)`;
  // One risk in 50 and one system in 20 belong to the owner; a third of those are past their review.
  await session.query(
    `update risks set owner_member_id = ${owner},
       review_date = case when (substr(ref, 3))::int % 3 = 0 then current_date - 7 else current_date + 30 end
     where org_id = $1 and (substr(ref, 3))::int % 50 = 0`,
    [orgId],
  );
  await session.query(
    `update ai_systems set owner_member_id = ${owner},
       review_date = case when (substr(slug, 8))::int % 3 = 0 then current_date - 3 else current_date + 60 end
     where org_id = $1 and (substr(slug, 8))::int % 20 = 0`,
    [orgId],
  );
  // 2,000 treatment actions on the first risks; the owner holds half, and a quarter are overdue.
  await session.query(
    `insert into risk_treatment_actions (id, org_id, risk_id, title, owner_member_id, due_date, status)
     select gen_random_uuid(), $1::uuid, r.id, 'Benchmark action ' || r.i,
       case when r.i % 2 = 0 then ${owner} else null end,
       case when r.i % 4 = 0 then current_date - 10 else current_date + 20 end,
       (array['open','in_progress','done'])[1 + r.i % 3]
     from (select id, row_number() over (order by id) as i from risks where org_id = $1 limit 2000) r`,
    [orgId],
  );
  // One evidence record in 40 now expires within the next 30 days.
  await session.query(
    `update evidence set valid_until = now() + make_interval(days => 1 + (substr(ref, 3))::int % 29)
     where org_id = $1 and (substr(ref, 3))::int % 40 = 1`,
    [orgId],
  );
  await session.query(
    `insert into redteam_scans (id, org_id, ref, system_id, status, origin, target_kind, target_endpoint, seed,
       started_at, finished_at, created_at, cases, vulnerable, not_observed)
     select gen_random_uuid(), $1::uuid, 'RT-' || n,
       (select id from ai_systems where org_id = $1 order by slug limit 1 offset n),
       'completed', 'cli', 'openai', 'http://127.0.0.1:8000/v1', n,
       now() - make_interval(hours => 24 * (21 - n)), now() - make_interval(hours => 24 * (21 - n) - 1),
       now() - make_interval(hours => 24 * (21 - n)), 400, 60 - 2 * n, 340 + 2 * n
     from generate_series(1, 20) as n`,
    [orgId],
  );
}
