import type { ActionClass } from "@openaims/contracts";
import { type ActionUsage, actionClassOf, type CompiledPolicy, toolRuleFor } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/**
 * This agent's executed calls of one tool in the last minute and hour, and the sum of the budget
 * argument today (UTC), from the decision log: allowed calls and approved ones. Read only when the
 * tool's rule has a rate or budget, with one query over the (org, system, tool, time) index.
 */
export async function usageFor(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
  policy: CompiledPolicy,
  name: string,
  toolClasses: Readonly<Record<string, ActionClass>>,
  now: Date,
): Promise<ActionUsage | undefined> {
  const rule = toolRuleFor(policy, name, actionClassOf(policy, name, toolClasses));
  if (!rule || (!rule.rate && !rule.budget)) return undefined;
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const minuteAgo = new Date(now.getTime() - 60_000);
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const since = dayStart < hourAgo ? dayStart : hourAgo;
  const argument = rule.budget?.argument ?? "";
  const row = await sql<{ minute: string; hour: string; spent: string | null }>`
    select
      count(*) filter (where decided_at > ${minuteAgo}) as minute,
      count(*) filter (where decided_at > ${hourAgo}) as hour,
      sum(case when decided_at >= ${dayStart} and jsonb_typeof(arguments -> ${argument}) = 'number'
               then (arguments ->> ${argument})::float8 else 0 end) as spent
    from agent_decisions
    where org_id = ${orgId} and system_id = ${systemId} and action_name = ${name}
      and decided_at >= ${since} and action_kind = 'tool'
      and (outcome = 'allow' or final_outcome = 'approved')`.execute(tx);
  const usage = row.rows[0];
  return {
    callsLastMinute: Number(usage?.minute ?? 0),
    callsLastHour: Number(usage?.hour ?? 0),
    spentToday: Math.max(0, Number(usage?.spent ?? 0)),
  };
}
