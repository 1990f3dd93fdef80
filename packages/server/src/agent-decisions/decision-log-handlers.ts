import type { AgentDecisionMetrics, AgentDecisionVerify, Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { verifyAuditTrail } from "../audit/verify-audit-trail.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { decisionQuery, findDecisionAgent, presentDecision, sha256OfJson } from "./agent-decision-queries.js";
import { DECISION_FINAL_OUTCOME, DECISION_RECORDED, decisionAuditChanges } from "./record-decisions.js";

/** The agent's decision log, newest first, by outcome, tool, session and origin. */
export const listAgentDecisions: Handler<Routes["listAgentDecisions"]> = async ({ tx, org, input }) => {
  const agent = await findDecisionAgent(tx, org.orgId, input.params.systemId);
  const { limit, cursor: rawCursor, outcome, tool, sessionId, origin } = input.query;
  const sort = keysetSort("-decidedAt", { decidedAt: "d.decided_at" }, "d.id");
  const cursor = parseCursor(rawCursor);
  let query = decisionQuery(tx, org.orgId).where("d.system_id", "=", agent.id);
  if (outcome) query = query.where("d.outcome", "=", outcome);
  if (tool) query = query.where("d.action_name", "=", tool);
  if (origin) query = query.where("d.origin", "=", origin);
  if (sessionId) query = query.where("ss.external_id", "=", sessionId);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("d.decided_at", "desc")
    .orderBy("d.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: cursorValue(row.decided_at), id: row.id }), presentDecision);
};

const MAX_PROBLEMS = 100;
const BATCH = 1000;

/**
 * Verifies the organisation's audit chain, then that every decision of the agent matches its audit
 * entry: outcome, rule, action, arguments SHA-256 (recomputed from the stored arguments), policy
 * SHA-256 and origin, and the final outcome its latest answer entry names.
 */
export async function verifyDecisionLog(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
): Promise<AgentDecisionVerify> {
  const chain = await verifyAuditTrail(db, orgId);
  const problems: AgentDecisionVerify["problems"] = [];
  const problem = (decisionId: string | null, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ decisionId, message });
  };
  if (chain.firstBroken) {
    problem(null, `The audit trail is broken at entry ${chain.firstBroken.seq}: ${chain.firstBroken.reason}.`);
  }
  let checked = 0;
  let after: string | null = null;
  let issues = 0;
  for (;;) {
    let query = db
      .selectFrom("agent_decisions")
      .select([
        "id",
        "origin",
        "action_kind",
        "action_name",
        "arguments",
        "arguments_sha256",
        "outcome",
        "rule",
        "policy_sha256",
        "final_outcome",
      ])
      .where("org_id", "=", orgId)
      .where("system_id", "=", systemId)
      .orderBy("id")
      .limit(BATCH);
    if (after) query = query.where("id", ">", after);
    const rows = await query.execute();
    if (rows.length === 0) break;
    after = (rows[rows.length - 1] as (typeof rows)[number]).id;
    const entries = await db
      .selectFrom("audit_entries")
      .select(["entity_id", "action", "changes", "seq"])
      .where("org_id", "=", orgId)
      .where("entity_type", "=", "agent_decision")
      .where(
        "entity_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("seq")
      .execute();
    const recorded = new Map<string, Record<string, { before: unknown; after: unknown }>>();
    const finals = new Map<string, unknown>();
    for (const entry of entries) {
      if (!entry.entity_id) continue;
      if (entry.action === DECISION_RECORDED) recorded.set(entry.entity_id, entry.changes);
      if (entry.action === DECISION_FINAL_OUTCOME) finals.set(entry.entity_id, entry.changes.finalOutcome?.after);
    }
    for (const row of rows) {
      checked++;
      const before = problems.length;
      const changes = recorded.get(row.id);
      if (!changes) {
        problem(row.id, `Decision ${row.id} has no audit entry.`);
      } else {
        const expected = decisionAuditChanges({
          outcome: row.outcome,
          rule: row.rule,
          actionKind: row.action_kind,
          actionName: row.action_name,
          argumentsSha256: row.arguments_sha256,
          policySha256: row.policy_sha256,
          origin: row.origin,
        });
        for (const [field, pair] of Object.entries(expected)) {
          const logged = changes[field]?.after ?? null;
          if (logged !== pair.after) {
            problem(
              row.id,
              `Decision ${row.id}: ${field} is ${JSON.stringify(pair.after)} in the log but ${JSON.stringify(logged)} in its audit entry.`,
            );
          }
        }
      }
      if (!("_omitted" in row.arguments) && sha256OfJson(row.arguments) !== row.arguments_sha256) {
        problem(row.id, `Decision ${row.id}: its stored arguments do not match their SHA-256.`);
      }
      const final = finals.get(row.id) ?? null;
      if (final !== (row.final_outcome ?? null)) {
        problem(
          row.id,
          `Decision ${row.id}: the final outcome is ${JSON.stringify(row.final_outcome)} in the log but ${JSON.stringify(final)} in its audit entries.`,
        );
      }
      if (problems.length > before || problems.length >= MAX_PROBLEMS) issues++;
    }
  }
  return {
    verified: chain.ok && problems.length === 0 && issues === 0,
    checked,
    auditEntriesChecked: chain.entriesChecked,
    problems,
  };
}

export const verifyAgentDecisions: Handler<Routes["verifyAgentDecisions"]> = async ({ tx, org, input }) => {
  const agent = await findDecisionAgent(tx, org.orgId, input.params.systemId);
  return verifyDecisionLog(tx, org.orgId, agent.id);
};

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MAX_BUCKETS = 2000;

/** Decisions per outcome per hour or day, the deny rate, approval latency and screenings in a range. */
export async function decisionMetrics(
  db: Kysely<Database>,
  orgId: string,
  systemId: string,
  range: { from: Date; to: Date; bucket: "hour" | "day" },
): Promise<AgentDecisionMetrics> {
  const { from, to, bucket } = range;
  const step = bucket === "hour" ? HOUR : DAY;
  const first = Math.floor(from.getTime() / step) * step;
  const counts = await sql<{ b: Date; outcome: string; n: string }>`
    select date_bin(${sql.raw(bucket === "hour" ? "'1 hour'" : "'1 day'")}::interval, decided_at, timestamptz '1970-01-01 00:00:00+00') as b,
           outcome, count(*) as n
    from agent_decisions
    where org_id = ${orgId} and system_id = ${systemId} and decided_at >= ${from} and decided_at < ${to}
    group by 1, 2`.execute(db);
  const buckets = new Map<number, { allow: number; deny: number; approvalRequired: number; total: number }>();
  for (let at = first; at < to.getTime(); at += step) {
    buckets.set(at, { allow: 0, deny: 0, approvalRequired: 0, total: 0 });
  }
  const totals = { allow: 0, deny: 0, approvalRequired: 0, total: 0 };
  for (const row of counts.rows) {
    const n = Number(row.n);
    const key = new Date(row.b).getTime();
    const slot = buckets.get(key) ?? { allow: 0, deny: 0, approvalRequired: 0, total: 0 };
    buckets.set(key, slot);
    const field = row.outcome === "allow" ? "allow" : row.outcome === "deny" ? "deny" : "approvalRequired";
    slot[field] += n;
    slot.total += n;
    totals[field] += n;
    totals.total += n;
  }
  const latency = await sql<{ answered: string; p50: number | null; p95: number | null }>`
    select count(*) as answered,
           percentile_cont(0.5) within group (order by extract(epoch from answered_at - created_at)) as p50,
           percentile_cont(0.95) within group (order by extract(epoch from answered_at - created_at)) as p95
    from agent_approvals
    where org_id = ${orgId} and system_id = ${systemId} and status in ('approved', 'refused')
      and answered_at >= ${from} and answered_at < ${to}`.execute(db);
  const screenings = await sql<{ blocked: string; flagged: string }>`
    select count(*) filter (where action = 'blocked') as blocked, count(*) filter (where action = 'flagged') as flagged
    from agent_screenings
    where org_id = ${orgId} and system_id = ${systemId} and at >= ${from} and at < ${to}`.execute(db);
  const l = latency.rows[0];
  const s = screenings.rows[0];
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket,
    buckets: [...buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([at, slot]) => ({ start: new Date(at).toISOString(), ...slot })),
    totals,
    denyRate: totals.total === 0 ? null : totals.deny / totals.total,
    approvalLatency: {
      answered: Number(l?.answered ?? 0),
      p50Seconds: l?.p50 == null ? null : Number(l.p50),
      p95Seconds: l?.p95 == null ? null : Number(l.p95),
    },
    screenings: { blocked: Number(s?.blocked ?? 0), flagged: Number(s?.flagged ?? 0) },
  };
}

export const getAgentDecisionMetrics: Handler<Routes["getAgentDecisionMetrics"]> = async ({ tx, org, input }) => {
  const agent = await findDecisionAgent(tx, org.orgId, input.params.systemId);
  const { bucket } = input.query;
  const to = input.query.to ? new Date(input.query.to) : new Date();
  const from = input.query.from
    ? new Date(input.query.from)
    : new Date(to.getTime() - (bucket === "hour" ? 24 * HOUR : 30 * DAY));
  if (from >= to) throw invalidField("query.from", "must be before to", "From");
  if ((to.getTime() - from.getTime()) / (bucket === "hour" ? HOUR : DAY) > MAX_BUCKETS) {
    throw invalidField(
      "query.from",
      `spans more than ${MAX_BUCKETS} ${bucket}s; choose a shorter range or a larger bucket`,
      "From",
    );
  }
  return decisionMetrics(tx, org.orgId, agent.id, { from, to, bucket });
};
