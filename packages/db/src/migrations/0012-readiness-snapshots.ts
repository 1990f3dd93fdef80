/**
 * One readiness score per organisation per day, for the trend on the home dashboard. The row of the
 * current day is rewritten whenever readiness is computed; earlier days are kept as they ended.
 * `audit_seq` is the organisation's audit-chain head when the row was computed: every change writes
 * an audit entry, so an unchanged head means an unchanged result and `coverage` can be served again.
 */
export default /* sql */ `
create table readiness_snapshots (
  org_id uuid not null references organizations (id),
  day date not null,
  percent smallint not null,
  met integer not null,
  total integer not null,
  -- { "overall": { "met", "total", "percent", "status" }, "clauses": [...], "areas": [...] }, each item
  -- { "id", "title", "met", "total", "percent" }: main clauses 4–10 and Annex A areas.
  coverage jsonb not null,
  audit_seq bigint not null,
  computed_at timestamptz(3) not null,
  primary key (org_id, day)
);
`;
