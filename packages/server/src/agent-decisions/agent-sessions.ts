import { randomUUID } from "node:crypto";
import { emptySessionState, type SessionState } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** An agent session as the decision API keeps it. */
export interface OpenSession {
  id: string;
  externalId: string;
  requester: string;
  state: SessionState;
  lastSeenAt: Date;
}

/** The stored state, with what an older or damaged row lacks filled in from an empty session. */
export function sessionStateOf(value: unknown): SessionState {
  const empty = emptySessionState();
  if (typeof value !== "object" || value === null) return empty;
  const stored = value as Partial<SessionState>;
  return {
    steps: Array.isArray(stored.steps) ? stored.steps : empty.steps,
    called: Array.isArray(stored.called) ? stored.called : empty.called,
    calledClasses: Array.isArray(stored.calledClasses) ? stored.calledClasses : empty.calledClasses,
    untrusted: stored.untrusted === true,
    untrustedSources: Array.isArray(stored.untrustedSources) ? stored.untrustedSources : empty.untrustedSources,
  };
}

/**
 * Finds or creates the agent's session by its own id, in one statement that also locks the row until
 * the transaction ends, so two decisions of one session are taken one after the other. A requester is
 * kept from the first request that names one.
 */
export async function openSession(
  tx: Kysely<Database>,
  orgId: string,
  systemId: string,
  externalId: string,
  requester: string | undefined,
): Promise<OpenSession> {
  const row = await tx
    .insertInto("agent_sessions")
    .values({
      id: randomUUID(),
      org_id: orgId,
      system_id: systemId,
      external_id: externalId,
      requester: requester ?? "",
      state: JSON.stringify(emptySessionState()),
    })
    .onConflict((oc) =>
      oc.columns(["org_id", "system_id", "external_id"]).doUpdateSet({
        last_seen_at: sql`now()`,
        requester: sql`case when agent_sessions.requester = '' then excluded.requester else agent_sessions.requester end`,
      }),
    )
    .returning(["id", "external_id", "requester", "state", "last_seen_at"])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    externalId: row.external_id,
    requester: row.requester,
    state: sessionStateOf(row.state),
    lastSeenAt: row.last_seen_at,
  };
}

/** Stores the session's new state. */
export async function saveSessionState(tx: Kysely<Database>, sessionId: string, state: SessionState): Promise<void> {
  await tx
    .updateTable("agent_sessions")
    .set({ state: JSON.stringify(state), version: sql`version + 1` })
    .where("id", "=", sessionId)
    .execute();
}

/** Locks and reads a session by its row id, for an approval's answer. */
export async function lockSession(tx: Kysely<Database>, sessionId: string): Promise<SessionState | null> {
  const row = await tx
    .selectFrom("agent_sessions")
    .select("state")
    .where("id", "=", sessionId)
    .forUpdate()
    .executeTakeFirst();
  return row ? sessionStateOf(row.state) : null;
}
