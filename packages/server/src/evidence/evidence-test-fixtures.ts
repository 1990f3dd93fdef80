import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** A control of the organisation with the given freshness period, created when it does not exist yet. */
export async function givenControl(
  db: Kysely<Database>,
  orgId: string,
  ref: string,
  freshnessDays: number | null,
): Promise<string> {
  const existing = await db
    .selectFrom("controls")
    .select("id")
    .where("org_id", "=", orgId)
    .where("ref", "=", ref)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable("controls")
      .set({ evidence_freshness_days: freshnessDays })
      .where("id", "=", existing.id)
      .execute();
    return existing.id;
  }
  const id = randomUUID();
  const kind = ref.startsWith("A.") ? "annex_a" : "custom";
  const position = 1000 + Math.floor(Math.random() * 100000);
  await sql`insert into controls (id, org_id, ref, title, kind, position, evidence_freshness_days)
    values (${id}, ${orgId}, ${ref}, ${`Control ${ref}`}, ${kind}, ${position}, ${freshnessDays})`.execute(db);
  return id;
}

// Raw inserts with only the columns a link needs, so the fixtures do not follow every change of those tables.

export async function givenRisk(db: Kysely<Database>, orgId: string, ref: string): Promise<string> {
  const id = randomUUID();
  await sql`insert into risks (id, org_id, ref, title, status)
    values (${id}, ${orgId}, ${ref}, ${`Risk ${ref}`}, 'identified')`.execute(db);
  return id;
}

export async function givenSystem(db: Kysely<Database>, orgId: string, slug: string): Promise<string> {
  const id = randomUUID();
  await sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy)
    values (${id}, ${orgId}, ${slug}, ${`System ${slug}`}, 'provider', 'operation', 'low', 'advisory')`.execute(db);
  return id;
}
