import type { AimsDatabase, RawSession } from "@openaims/db";
import { insertIncidents } from "./operate.js";
import { insertMembers } from "./seed.js";
import type { AimsCoreSize } from "./seed-aims-core.js";
import { seedHome } from "./seed-home.js";

export interface ImproveSize extends AimsCoreSize {
  members: number;
  incidents: number;
  audits: number;
}

export interface SeededImprove {
  orgId: string;
  /** Write-scope token of the owner, who also holds the owned and overdue records "My work" lists. */
  tokenSecret: string;
  seconds: number;
}

/**
 * The organisation the checking-and-improving benchmarks read: the home dashboard's management system
 * (2,000 systems, 50,000 risks, owned and overdue records), `members` members, `incidents` incidents,
 * `audits` internal audits with a full checklist each (every clause requirement and Annex A control,
 * mostly answered, one nonconformity in twenty items raised), corrective actions, two earlier
 * management reviews with their actions, objectives with a year of readings, and training records —
 * bulk-inserted in SQL, because the pack and the lists are what is measured, not the seeding.
 */
export async function seedImprove(database: AimsDatabase, size: ImproveSize): Promise<SeededImprove> {
  const started = performance.now();
  const home = await seedHome(database, size);
  await database.withSession(async (session) => {
    await insertMembers(session, home.orgId, size.members - 1);
    await session.exec("begin");
    await insertIncidents(session, home.orgId, size.incidents);
    await insertAudits(session, home.orgId, size.audits);
    await insertReviews(session, home.orgId);
    await insertObjectives(session, home.orgId);
    await insertTraining(session, home.orgId);
    await session.exec("commit");
    await session.exec("analyze");
  });
  return { orgId: home.orgId, tokenSecret: home.tokenSecret, seconds: (performance.now() - started) / 1000 };
}

const OWNER = `(select id from memberships where org_id = $1 and role = 'owner' limit 1)`;

/** Audits spread over two years, each with 81 checklist items; the owner leads one in ten. */
async function insertAudits(session: RawSession, orgId: string, count: number): Promise<void> {
  await session.query(
    `insert into audit_programmes (id, org_id, ref, title, period_start, period_end, frequency)
     values (gen_random_uuid(), $1, 'AP-1', 'Benchmark programme', current_date - 730, current_date + 365, 'quarterly')`,
    [orgId],
  );
  await session.query(
    `insert into internal_audits (id, org_id, ref, programme_id, title, planned_start, planned_end,
       lead_auditor_member_id, status, conclusion, started_at, closed_at, created_at)
     select gen_random_uuid(), $1::uuid, 'IA-' || n, (select id from audit_programmes where org_id = $1 limit 1),
       'Benchmark audit ' || n, current_date - (n * 3), current_date - (n * 3) + 5,
       case when n % 10 = 0 then ${OWNER} else null end,
       case when n <= 5 then 'in_progress' else 'closed' end,
       case when n <= 5 then '' else 'Conforms with findings' end,
       now() - make_interval(days => n * 3), case when n <= 5 then null else now() - make_interval(days => n * 3 - 5) end,
       now() - make_interval(days => n * 3 + 10)
     from generate_series(1, $2::int) as n`,
    [orgId, count],
  );
  // 81 requirements: 43 clause ids and 38 Annex A controls, numbered r1 … r81.
  await session.query(
    `insert into audit_checklist_items (id, org_id, audit_id, position, requirement_kind, requirement_id, title,
       procedure, pass_criterion, assignee_member_id, result, answered_at)
     select gen_random_uuid(), $1::uuid, a.id, r, case when r <= 43 then 'clause' else 'annex_a' end, 'r' || r,
       'Requirement ' || r, 'Inspect the records', 'The records exist',
       case when r % 20 = 0 then ${OWNER} else null end,
       case when a.status = 'in_progress' and r % 3 = 0 then null
            else (array['conforming','conforming','conforming','observation','opportunity','conforming','conforming',
                        'conforming','conforming','conforming','conforming','conforming','conforming','conforming',
                        'conforming','conforming','conforming','conforming','minor_nc','major_nc'])[1 + r % 20] end,
       a.started_at + interval '1 day'
     from internal_audits a, generate_series(1, 81) as r
     where a.org_id = $1`,
    [orgId],
  );
  // A nonconformity for each minor or major result, with one corrective action each.
  await session.query(
    `with raised as (
       select i.id as item_id, i.result, row_number() over (order by i.id) as n
       from audit_checklist_items i where i.org_id = $1 and i.result in ('minor_nc', 'major_nc'))
     insert into nonconformities (id, org_id, ref, title, source, source_id, severity, status, created_at)
     select gen_random_uuid(), $1::uuid, 'NC-' || n, 'Audit finding ' || n, 'audit', item_id,
       case when result = 'major_nc' then 'major' else 'minor' end,
       (array['open','action_planned','awaiting_check','closed'])[1 + n % 4], now() - make_interval(days => (n % 700)::int)
     from raised`,
    [orgId],
  );
  await session.query(
    `update audit_checklist_items i set nonconformity_id = n.id
     from nonconformities n where n.org_id = $1 and n.source_id = i.id`,
    [orgId],
  );
  await session.query(
    `insert into corrective_actions (id, org_id, nonconformity_id, title, owner_member_id, due_date, status)
     select gen_random_uuid(), $1::uuid, n.id, 'Correct ' || n.ref,
       case when (substr(n.ref, 4))::int % 10 = 0 then ${OWNER} else null end,
       current_date + ((substr(n.ref, 4))::int % 60) - 30,
       case when n.status in ('awaiting_check', 'closed') then 'done' else 'open' end
     from nonconformities n where n.org_id = $1`,
    [orgId],
  );
  await session.query(
    `insert into org_counters (org_id, kind, next_value)
     select $1, kind, next from (values
       ('nonconformity', (select count(*) + 1 from nonconformities where org_id = $1)),
       ('internal_audit', (select count(*) + 1 from internal_audits where org_id = $1)),
       ('audit_programme', 2::bigint)) as t(kind, next)
     on conflict (org_id, kind) do update set next_value = excluded.next_value`,
    [orgId],
  );
}

/** Two closed reviews a year and half a year ago, with ten actions each, some owned by the owner. */
async function insertReviews(session: RawSession, orgId: string): Promise<void> {
  await session.query(
    `insert into management_reviews (id, org_id, ref, title, scheduled_for, status, held_on, closed_at, created_at)
     select gen_random_uuid(), $1::uuid, 'MR-' || n, 'Management review ' || n, current_date - (420 - n * 180),
       'closed', current_date - (420 - n * 180), now() - make_interval(days => 420 - n * 180),
       now() - make_interval(days => 440 - n * 180)
     from generate_series(1, 2) as n`,
    [orgId],
  );
  await session.query(
    `insert into review_actions (id, org_id, ref, review_id, title, owner_member_id, due_date, status, created_at)
     select gen_random_uuid(), $1::uuid, 'RA-' || (r.n * 10 + a), r.id, 'Review action ' || a,
       case when a % 2 = 0 then ${OWNER} else null end, current_date + (a * 10) - 40,
       (array['open','in_progress','done','cancelled'])[1 + a % 4], r.closed_at
     from (select id, closed_at, row_number() over (order by ref) as n from management_reviews where org_id = $1) r,
       generate_series(1, 10) as a`,
    [orgId],
  );
  await session.query(
    `insert into org_counters (org_id, kind, next_value) values ($1, 'management_review', 3), ($1, 'review_action', 40)
     on conflict (org_id, kind) do update set next_value = excluded.next_value`,
    [orgId],
  );
}

/** Twenty objectives measured by hand, each with a weekly reading for a year. */
async function insertObjectives(session: RawSession, orgId: string): Promise<void> {
  await session.query(
    `insert into objectives (id, org_id, ref, title, measure_kind, measure, unit, baseline, target, direction,
       owner_member_id, due_date)
     select gen_random_uuid(), $1::uuid, 'OBJ-' || n, 'Objective ' || n, 'manual', 'Measured by hand', '%',
       10, 90, case when n % 2 = 0 then 'increase' else 'decrease' end,
       case when n % 4 = 0 then ${OWNER} else null end, current_date + n * 15
     from generate_series(1, 20) as n`,
    [orgId],
  );
  await session.query(
    `insert into objective_progress (id, org_id, objective_id, recorded_at, value, source)
     select gen_random_uuid(), $1::uuid, o.id, now() - make_interval(days => w * 7), 10 + (52 - w) * 1.2, 'manual'
     from objectives o, generate_series(0, 51) as w where o.org_id = $1`,
    [orgId],
  );
  await session.query(
    `insert into org_counters (org_id, kind, next_value) values ($1, 'objective', 21)
     on conflict (org_id, kind) do update set next_value = excluded.next_value`,
    [orgId],
  );
}

/** Two required courses per role and two training records for most members (some expired). */
async function insertTraining(session: RawSession, orgId: string): Promise<void> {
  await session.query(
    `insert into competence_requirements (id, org_id, applies_to_kind, applies_to, competence, course, renewal_months)
     select gen_random_uuid(), $1::uuid, 'role', role, 'Competence ' || c || ' for ' || role, 'Course ' || c, 12
     from unnest(array['owner','admin','compliance_manager','contributor','auditor','viewer']) as role,
       generate_series(1, 2) as c`,
    [orgId],
  );
  await session.query(
    `insert into training_records (id, org_id, member_id, course, completed_on, expires_on)
     select gen_random_uuid(), $1::uuid, m.id, 'Course ' || c, current_date - (m.n % 500)::int,
       current_date - (m.n % 500)::int + 365
     from (select id, row_number() over (order by id) as n from memberships where org_id = $1) m,
       generate_series(1, 2) as c
     where m.n % 7 <> 0`,
    [orgId],
  );
}
