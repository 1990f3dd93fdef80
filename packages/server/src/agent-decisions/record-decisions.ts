import type { ActionKind, AgentFinalOutcome, DecisionOrigin, DecisionOutcome } from "@openaims/contracts";
import type { SessionState } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, type QueryCreator, sql } from "kysely";
import { type AuditEvent, type AuditScope, appendAuditEntries } from "../audit/append-audit-entry.js";
import { sha256OfJson, storedArguments } from "./agent-decision-queries.js";

/** One decision to write to the log. */
export interface NewDecision {
  id: string;
  orgId: string;
  systemId: string;
  /** The agent_sessions row. */
  sessionId: string | null;
  origin: DecisionOrigin;
  decidedAt: Date;
  call: { kind: ActionKind; name: string; arguments: Record<string, unknown> };
  outcome: DecisionOutcome;
  rule: string;
  reason: string;
  policyVersionId: string | null;
  policySha256: string | null;
  approvalId: string | null;
  finalOutcome: AgentFinalOutcome | null;
  durationUs: number | null;
  clientDecisionId: string | null;
}

/** The audit action of a decision written to the log. */
export const DECISION_RECORDED = "agent_decision.recorded";
/** The audit action of an approval's answer reaching its decision. */
export const DECISION_FINAL_OUTCOME = "agent_decision.final_outcome";

/**
 * What a decision's audit entry holds, as before/after pairs (before always null): what verification
 * compares with the row. Kept small so an audit entry per allow stays cheap.
 */
export function decisionAuditChanges(decision: {
  outcome: string;
  rule: string;
  actionKind: string;
  actionName: string;
  argumentsSha256: string;
  policySha256: string | null;
  origin: string;
}) {
  const after = (value: unknown) => ({ before: null, after: value });
  return {
    outcome: after(decision.outcome),
    rule: after(decision.rule),
    action: after(`${decision.actionKind}:${decision.actionName}`),
    argumentsSha256: after(decision.argumentsSha256),
    policySha256: after(decision.policySha256),
    origin: after(decision.origin),
  };
}

/** A session's new state, stored by the statement that writes the decisions. */
export interface SessionSave {
  sessionId: string;
  state: SessionState;
}

/**
 * Writes decisions to the log, each with its audit entry in the same transaction (one chain lock
 * for the lot). A decision whose client id is already recorded is skipped; returns the ids written.
 * With `session`, the first statement also stores that session's new state: the decision API sits
 * on every tool call, and this saves it a round trip.
 */
export async function insertDecisions(
  tx: Kysely<Database>,
  scope: AuditScope,
  decisions: readonly NewDecision[],
  session?: SessionSave,
): Promise<Set<string>> {
  if (decisions.length === 0) return new Set();
  const rows = decisions.map((d) => ({
    id: d.id,
    org_id: d.orgId,
    system_id: d.systemId,
    session_id: d.sessionId,
    origin: d.origin,
    decided_at: d.decidedAt,
    action_kind: d.call.kind,
    action_name: d.call.name,
    arguments: JSON.stringify(storedArguments(d.call.arguments)),
    arguments_sha256: sha256OfJson(d.call.arguments),
    outcome: d.outcome,
    rule: d.rule,
    reason: d.reason,
    policy_version_id: d.policyVersionId,
    policy_sha256: d.policySha256,
    approval_id: d.approvalId,
    final_outcome: d.finalOutcome,
    duration_us: d.durationUs,
    client_decision_id: d.clientDecisionId,
  }));
  const inserted = new Set<string>();
  for (let start = 0; start < rows.length; start += 500) {
    const creator: QueryCreator<Database> = start === 0 && session ? withSessionSaved(tx, session) : tx;
    const done = await creator
      .insertInto("agent_decisions")
      .values(rows.slice(start, start + 500))
      .onConflict((oc) =>
        oc
          .columns(["org_id", "system_id", "client_decision_id"])
          .where("client_decision_id", "is not", null)
          .doNothing(),
      )
      .returning("id")
      .execute();
    for (const { id } of done) inserted.add(id);
  }
  const events: AuditEvent[] = [];
  for (const row of rows) {
    // A decision a reporter sent before (the same client id) is already recorded, with its entry.
    if (!inserted.has(row.id)) continue;
    events.push({
      action: DECISION_RECORDED,
      entityType: "agent_decision",
      entityId: row.id,
      changes: decisionAuditChanges({
        outcome: row.outcome,
        rule: row.rule,
        actionKind: row.action_kind,
        actionName: row.action_name,
        argumentsSha256: row.arguments_sha256,
        policySha256: row.policy_sha256,
        origin: row.origin,
      }),
    });
    if (row.final_outcome) events.push(finalOutcomeEvent(row.id, row.final_outcome));
  }
  await appendAuditEntries(tx, scope, events);
  return inserted;
}

/** A query creator whose next statement also stores the session's state (a data-modifying CTE). */
function withSessionSaved(tx: Kysely<Database>, { sessionId, state }: SessionSave): QueryCreator<Database> {
  // The CTE adds a table to the query's scope that the insert never reads; the creator is still one of Database.
  const creator = tx.with("saved_session", (db) =>
    db
      .updateTable("agent_sessions")
      .set({ state: JSON.stringify(state), version: sql`version + 1` })
      .where("id", "=", sessionId)
      .returning("id"),
  );
  return creator as unknown as QueryCreator<Database>;
}

export function finalOutcomeEvent(decisionId: string, finalOutcome: string): AuditEvent {
  return {
    action: DECISION_FINAL_OUTCOME,
    entityType: "agent_decision",
    entityId: decisionId,
    changes: { finalOutcome: { before: null, after: finalOutcome } },
  };
}
