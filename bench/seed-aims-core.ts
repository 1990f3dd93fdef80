import type { AimsDatabase, RawSession } from "@openaims/db";
import { createBenchOrganization } from "./seed.js";

export interface AimsCoreSize {
  systems: number;
  risks: number;
  evidenceLinks: number;
}

export interface SeededAimsCore {
  orgId: string;
  /** Write-scope token of the owner: reads for the measurements, and the import. */
  tokenSecret: string;
  seconds: number;
}

/**
 * One organisation with its real defaults (risk method, 38 Annex A controls) from the real operation,
 * then `systems` AI systems, `risks` risks spread over them and rated on the organisation's matrix,
 * risks linked to controls, and evidence linked `evidenceLinks` times to controls, risks, systems and
 * clauses — bulk-inserted in SQL because the register is what is measured, not the seeding.
 */
export async function seedAimsCore(database: AimsDatabase, size: AimsCoreSize): Promise<SeededAimsCore> {
  const started = performance.now();
  const { orgId, tokenSecret } = await createBenchOrganization(database, {
    orgName: "Core Bench",
    ownerEmail: "lead@core-bench.example",
    tokenScope: "write",
  });
  await database.withSession(async (session) => {
    await session.exec("begin");
    await insertSystems(session, orgId, size.systems);
    await insertRisks(session, orgId, size.risks);
    await insertEvidence(session, orgId, size.evidenceLinks);
    await session.exec("commit");
    await session.exec("analyze");
  });
  return { orgId, tokenSecret, seconds: (performance.now() - started) / 1000 };
}

async function insertSystems(session: RawSession, orgId: string, count: number): Promise<void> {
  await session.query(
    `insert into ai_systems (id, org_id, slug, name, purpose, our_role, lifecycle_stage, impact_tier,
       data_categories, capabilities, autonomy, customer_facing)
     select gen_random_uuid(), $1::uuid, 'system-' || n, 'System ' || n, 'Benchmark system ' || n,
       (array['provider','deployer','user'])[1 + n % 3],
       (array['design','development','validation','deployment','operation'])[1 + n % 5],
       (array['low','medium','high'])[1 + n % 3],
       case when n % 2 = 0 then '["personal"]'::jsonb else '["public"]'::jsonb end,
       case when n % 4 = 0 then '["llm","agent_tools","retrieval"]'::jsonb else '["llm"]'::jsonb end,
       (array['advisory','human_in_the_loop','human_on_the_loop','autonomous'])[1 + n % 4],
       n % 2 = 0
     from generate_series(1, $2::int) as n`,
    [orgId, count],
  );
}

/** Risks rated on the organisation's own matrix, so ratings agree with what the server would compute. */
async function insertRisks(session: RawSession, orgId: string, count: number): Promise<void> {
  await session.query(
    `with systems as (select id, row_number() over (order by slug) - 1 as i from ai_systems where org_id = $1),
          method as (select matrix from risk_methods where org_id = $1),
          rated as (
            select n, 1 + n % 5 as l, 1 + (n / 5) % 5 as im, 1 + (n / 7) % 4 as rl, 1 + (n / 11) % 3 as ri
            from generate_series(1, $2::int) as n)
     insert into risks (id, org_id, ref, system_id, title, status, inherent_likelihood, inherent_impact,
       inherent_rating, treatment_option, residual_likelihood, residual_impact, residual_rating, rating_rank)
     select gen_random_uuid(), $1::uuid, 'R-' || r.n, s.id, 'Benchmark risk ' || r.n,
       (array['identified','assessed','treating','accepted','closed'])[1 + r.n % 5],
       r.l, r.im, m.matrix -> (r.l - 1) ->> (r.im - 1),
       case when r.n % 3 = 0 then null else 'modify' end,
       r.rl, r.ri, m.matrix -> (r.rl - 1) ->> (r.ri - 1),
       array_position(array['low','medium','high','critical'], m.matrix -> (r.rl - 1) ->> (r.ri - 1))
     from rated r cross join method m
     join systems s on s.i = r.n % (select count(*) from systems)`,
    [orgId, count],
  );
  await session.query(
    `insert into org_counters (org_id, kind, next_value) values ($1, 'risk', $2 + 1)
     on conflict (org_id, kind) do update set next_value = excluded.next_value`,
    [orgId, count],
  );
  // Each control treats a few hundred risks, so the SoA lists real cross-references.
  await session.query(
    `insert into control_risks (id, org_id, control_id, risk_id)
     select gen_random_uuid(), $1::uuid, c.id, r.id
     from (select id, row_number() over (order by ref) as i from controls where org_id = $1) c
     join (select id, row_number() over (order by id) as i from risks where org_id = $1) r on r.i % 38 = c.i - 1
     where r.i <= 10000`,
    [orgId],
  );
}

/** A quarter of the links each to controls, risks, systems and clauses; one in five pieces of evidence has expired. */
async function insertEvidence(session: RawSession, orgId: string, links: number): Promise<void> {
  const pieces = Math.ceil(links / 4);
  await session.query(
    `insert into evidence (id, org_id, ref, title, kind, source, body, collected_at, valid_until)
     select gen_random_uuid(), $1::uuid, 'E-' || n, 'Benchmark evidence ' || n, 'record', 'api', 'seeded',
       now() - make_interval(days => n % 400),
       case when n % 5 = 0 then now() - interval '1 day' else now() + interval '180 days' end
     from generate_series(1, $2::int) as n`,
    [orgId, pieces],
  );
  await session.query(
    `insert into org_counters (org_id, kind, next_value) values ($1, 'evidence', $2 + 1)
     on conflict (org_id, kind) do update set next_value = excluded.next_value`,
    [orgId, pieces],
  );
  await session.query(
    `with e as (select id, row_number() over (order by id) as i from evidence where org_id = $1),
          c as (select id, row_number() over (order by ref) - 1 as i from controls where org_id = $1),
          r as (select id, row_number() over (order by id) as i from risks where org_id = $1),
          s as (select id, row_number() over (order by id) as i from ai_systems where org_id = $1)
     insert into evidence_links (id, org_id, evidence_id, target_type, target_id, clause_id)
     select gen_random_uuid(), $1::uuid, e.id, 'control', c.id, null from e join c on c.i = e.i % 38
     union all
     select gen_random_uuid(), $1::uuid, e.id, 'risk', r.id, null from e join r on r.i = e.i
     union all
     select gen_random_uuid(), $1::uuid, e.id, 'system', s.id, null from e join s on s.i = 1 + e.i % (select count(*) from s)
     union all
     select gen_random_uuid(), $1::uuid, e.id, 'clause', null,
       (array['4.3','5.2','6.1.2','6.1.3','6.1.4','7.5','8.2','9.1','9.2','9.3'])[1 + e.i % 10] from e`,
    [orgId],
  );
}
