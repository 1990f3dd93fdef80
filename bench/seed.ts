import { randomUUID } from "node:crypto";
import { type AuditEntryContent, hashAuditEntry } from "@openaims/core";
import type { AimsDatabase, RawSession } from "@openaims/db";
import { createApiToken, createOrganization, createUser, systemActor } from "@openaims/server";

const BATCH = 10_000;
const FIRST_NAMES = [
  "Ada",
  "Grace",
  "Alan",
  "Edsger",
  "Barbara",
  "Donald",
  "Frances",
  "Ken",
  "Radia",
  "Tim",
  "Margaret",
  "Linus",
];
const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "Thompson",
  "Perlman",
  "Berners-Lee",
];
const ROLES = ["viewer", "contributor", "auditor", "compliance_manager", "admin"] as const;

export interface SeededOrganization {
  orgId: string;
  /** A read-scope API token of the owner, for the HTTP measurements. */
  tokenSecret: string;
  members: number;
  auditEntries: number;
  seconds: number;
}

/**
 * One organisation with `members` members and an audit chain of exactly `auditEntries` entries.
 * The owner, organisation and token go through the real operations; the bulk goes in as
 * `insert … select from unnest(…)` batches, with every entry hashed and linked as the server would.
 */
export async function seedOrganization(
  database: AimsDatabase,
  members: number,
  auditEntries: number,
): Promise<SeededOrganization> {
  const started = performance.now();
  const { orgId, tokenSecret } = await createBenchOrganization(database, {
    orgName: "Bench Org",
    ownerEmail: "owner@bench.example",
    tokenScope: "read",
  });
  const membershipIds = await database.withSession((session) => insertMembers(session, orgId, members - 1));
  await database.withSession((session) => appendAuditChain(session, orgId, auditEntries, membershipIds));
  return { orgId, tokenSecret, members, auditEntries, seconds: (performance.now() - started) / 1000 };
}

/**
 * An organisation with its owner and an API token of the owner, through the real operations (so the
 * organisation gets its defaults and audit entries exactly as the server creates them).
 */
export async function createBenchOrganization(
  database: AimsDatabase,
  input: { orgName: string; ownerEmail: string; tokenScope: "read" | "write" },
): Promise<{ orgId: string; tokenSecret: string }> {
  const actor = systemActor("bench seed");
  return database.db.transaction().execute(async (tx) => {
    const owner = await createUser(tx, {
      email: input.ownerEmail,
      name: "Bench Owner",
      password: "bench password 123",
    });
    const org = await createOrganization(tx, { name: input.orgName, ownerUserId: owner.id, actor, requestId: null });
    const token = await createApiToken(tx, {
      orgId: org.id,
      userId: owner.id,
      name: "bench",
      scope: input.tokenScope,
      expiresInDays: 1,
      actor,
      requestId: null,
    });
    return { orgId: org.id, tokenSecret: token.secret };
  });
}

export async function insertMembers(session: RawSession, orgId: string, count: number): Promise<string[]> {
  const membershipIds: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    const userIds: string[] = [];
    const emails: string[] = [];
    const names: string[] = [];
    const ids: string[] = [];
    const roles: string[] = [];
    for (let i = start; i < start + size; i++) {
      userIds.push(randomUUID());
      emails.push(`member-${String(i).padStart(6, "0")}@bench.example`);
      names.push(
        `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]} ${i}`,
      );
      ids.push(randomUUID());
      roles.push(ROLES[i % ROLES.length] ?? "viewer");
    }
    await session.exec("begin");
    await session.query(
      "insert into users (id, email, name) select * from unnest($1::uuid[], $2::text[], $3::text[])",
      [userIds, emails, names],
    );
    await session.query(
      "insert into memberships (id, org_id, user_id, role) select t.id, $1::uuid, t.user_id, t.role from unnest($2::uuid[], $3::uuid[], $4::text[]) as t(id, user_id, role)",
      [orgId, ids, userIds, roles],
    );
    await session.exec("commit");
    membershipIds.push(...ids);
  }
  return membershipIds;
}

/** Extends the organisation's chain to `total` entries, then moves its head. */
async function appendAuditChain(
  session: RawSession,
  orgId: string,
  total: number,
  membershipIds: string[],
): Promise<void> {
  const [head] = await session.query<{ seq: number; hash: string }>(
    "select seq, hash from audit_heads where org_id = $1",
    [orgId],
  );
  if (!head) throw new Error("the seeded organisation has no audit head");
  let prevHash = head.hash;
  let seq = head.seq;
  const startAt = Date.now() - total * 1_000;
  while (seq < total) {
    const size = Math.min(BATCH, total - seq);
    const rows: Array<AuditEntryContent & { hash: string }> = [];
    for (let i = 0; i < size; i++) {
      seq++;
      const memberId = membershipIds[seq % Math.max(membershipIds.length, 1)] ?? null;
      const content: AuditEntryContent = {
        orgId,
        seq,
        id: randomUUID(),
        at: new Date(startAt + seq * 1_000).toISOString(),
        actorType: "user",
        actorId: randomUUID(),
        actorLabel: `Bench Person ${seq % 97} <person-${seq % 97}@bench.example>`,
        action: "member.role_changed",
        entityType: "member",
        entityId: memberId,
        changes: { role: { before: ROLES[seq % ROLES.length], after: ROLES[(seq + 1) % ROLES.length] } },
        requestId: randomUUID(),
        prevHash,
      };
      prevHash = hashAuditEntry(content);
      rows.push({ ...content, hash: prevHash });
    }
    await session.query(
      `insert into audit_entries (org_id, seq, id, at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, request_id, prev_hash, hash)
       select org_id, seq, id, at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes::jsonb, request_id, prev_hash, hash
       from unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         as t(org_id, seq, id, at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, request_id, prev_hash, hash)`,
      [
        rows.map((r) => r.orgId),
        rows.map((r) => r.seq),
        rows.map((r) => r.id),
        rows.map((r) => r.at),
        rows.map((r) => r.actorType),
        rows.map((r) => r.actorId),
        rows.map((r) => r.actorLabel),
        rows.map((r) => r.action),
        rows.map((r) => r.entityType),
        rows.map((r) => r.entityId),
        rows.map((r) => JSON.stringify(r.changes)),
        rows.map((r) => r.requestId),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
      ],
    );
  }
  await session.query("update audit_heads set seq = $2, hash = $3 where org_id = $1", [orgId, seq, prevHash]);
  await session.exec("analyze");
}
