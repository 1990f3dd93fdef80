import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** The membership id of a person in an organisation. */
export async function membershipOf(db: Kysely<Database>, orgId: string, userId: string): Promise<string> {
  const row = await db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * `count` open corrective actions due on `dueDate`, owned in turn by `ownerIds`, under one open
 * nonconformity per call, inserted as the nonconformity module stores them; returns their ids.
 */
export async function givenCorrectiveActions(
  db: Kysely<Database>,
  orgId: string,
  ownerIds: string[],
  count: number,
  dueDate: string,
): Promise<string[]> {
  const nonconformityId = randomUUID();
  await sql`insert into nonconformities (id, org_id, ref, title, source, severity)
    values (${nonconformityId}, ${orgId}, ${`NC-${nonconformityId.slice(0, 6)}`}, 'Reviewer sign-off skipped', 'manual', 'minor')`.execute(
    db,
  );
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 1000) {
    await db
      .insertInto("corrective_actions")
      .values(
        ids.slice(start, start + 1000).map((id, i) => ({
          id,
          org_id: orgId,
          nonconformity_id: nonconformityId,
          title: `Corrective action ${start + i + 1}`,
          owner_member_id: ownerIds[(start + i) % ownerIds.length] as string,
          due_date: dueDate,
          status: "open",
          done_at: null,
        })),
      )
      .execute();
  }
  return ids;
}

/** 'YYYY-MM-DD' `days` from today (UTC). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
