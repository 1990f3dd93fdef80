import type { HomeView } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** Days ahead the dashboard looks for evidence reaching its end of validity. */
export const EXPIRING_WINDOW_DAYS = 30;
const LISTED = 5;

/** Live evidence that expires within the window (count and the soonest few), and how much has expired. */
export async function loadExpiringEvidence(
  db: Kysely<Database>,
  orgId: string,
  now: Date,
): Promise<HomeView["evidence"]> {
  const horizon = new Date(now.getTime() + EXPIRING_WINDOW_DAYS * 86_400_000);
  const live = db.selectFrom("evidence").where("org_id", "=", orgId).where("archived_at", "is", null);
  const [counts, soonest] = await Promise.all([
    live
      .select([
        sql<number>`count(*) filter (where valid_until > ${now} and valid_until <= ${horizon})`.as("expiring"),
        sql<number>`count(*) filter (where valid_until <= ${now})`.as("expired"),
      ])
      .where("valid_until", "is not", null)
      .where("valid_until", "<=", horizon)
      .executeTakeFirstOrThrow(),
    live
      .select(["id", "ref", "title", "valid_until"])
      .where("valid_until", ">", now)
      .where("valid_until", "<=", horizon)
      .orderBy("valid_until")
      .orderBy("id")
      .limit(LISTED)
      .execute(),
  ]);
  return {
    windowDays: EXPIRING_WINDOW_DAYS,
    expiringCount: Number(counts.expiring),
    expiredCount: Number(counts.expired),
    expiring: soonest.map((row) => ({
      id: row.id,
      ref: row.ref,
      title: row.title,
      validUntil: (row.valid_until as Date).toISOString(),
    })),
  };
}
