import {
  PACK_LIST_LIMIT,
  type RiskRating,
  type RiskStatus,
  type RisksSection,
  riskRatings,
  type TreatmentOption,
} from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { bounded, countsOf, memberRef, type PackPeriod, sectionHeader } from "./pack-period.js";

/** A rating's place in `rating_rank`: 1 low … 4 critical (0 is unrated). */
const rankOf = (rating: RiskRating) => riskRatings.indexOf(rating) + 1;

/**
 * 9.3.2 d: risks above the acceptance criteria. The risk method's criterion is the highest rating it
 * accepts without treatment; a risk is reported while its current rating (residual once assessed,
 * else inherent) is above it and it is neither closed nor covered by an acceptance running at asOf.
 * Risks are those created by asOf and not archived by then; rating, status and treatment are the
 * current ones (the register keeps no history of them), so this part is "as of" only in which risks
 * existed and which acceptances still ran. Highest rating first, at most PACK_LIST_LIMIT, with the count.
 */
export async function risksSection(db: Kysely<Database>, period: PackPeriod): Promise<RisksSection> {
  const { orgId, asOf, day } = period;
  const method = await db
    .selectFrom("risk_methods")
    .select("acceptable_without_treatment")
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  const acceptable = (method?.acceptable_without_treatment ?? "low") as RiskRating;
  const above = db
    .selectFrom("risks as r")
    .where("r.org_id", "=", orgId)
    .where("r.rating_rank", ">", rankOf(acceptable))
    .where("r.created_at", "<=", asOf)
    .where((eb) => eb.or([eb("r.archived_at", "is", null), eb("r.archived_at", ">", asOf)]))
    .where("r.status", "<>", "closed")
    .where(sql<boolean>`not (r.status = 'accepted' and coalesce(r.accepted_until >= ${day}, true))`);
  const [groups, rows] = await Promise.all([
    above
      .select(["r.rating_rank", sql<number>`count(*)::int`.as("count")])
      .groupBy("r.rating_rank")
      .execute(),
    above
      .leftJoin("ai_systems as s", "s.id", "r.system_id")
      .leftJoin("memberships as m", "m.id", "r.owner_member_id")
      .leftJoin("users as u", "u.id", "m.user_id")
      .select([
        "r.id",
        "r.ref",
        "r.title",
        "r.rating_rank",
        "r.status",
        "r.treatment_option",
        "r.accepted_until",
        "s.id as system_id",
        "s.name as system_name",
        "r.owner_member_id",
        "u.name as owner_name",
      ])
      .orderBy("r.rating_rank", "desc")
      .orderBy("r.created_at")
      .orderBy("r.id")
      .limit(PACK_LIST_LIMIT)
      .execute(),
  ]);
  const actions = new Map<string, { open: number; inProgress: number; done: number }>();
  if (rows.length > 0) {
    const counts = await db
      .selectFrom("risk_treatment_actions")
      .select([
        "risk_id",
        sql<number>`(count(*) filter (where status = 'open'))::int`.as("open"),
        sql<number>`(count(*) filter (where status = 'in_progress'))::int`.as("in_progress"),
        sql<number>`(count(*) filter (where status = 'done'))::int`.as("done"),
      ])
      .where("org_id", "=", orgId)
      .where("archived_at", "is", null)
      .where(
        "risk_id",
        "in",
        rows.map((row) => row.id),
      )
      .groupBy("risk_id")
      .execute();
    for (const row of counts) actions.set(row.risk_id, { open: row.open, inProgress: row.in_progress, done: row.done });
  }
  const byRating = countsOf(
    riskRatings,
    groups.map((row) => ({ key: riskRatings[row.rating_rank - 1] ?? "", count: row.count })),
  );
  return {
    ...sectionHeader("risks", period),
    acceptableWithoutTreatment: acceptable,
    byRating,
    risks: bounded(
      rows.map((row) => ({
        id: row.id,
        ref: row.ref,
        title: row.title,
        system: row.system_id && row.system_name ? { id: row.system_id, name: row.system_name } : null,
        owner: memberRef(row.owner_member_id, row.owner_name),
        rating: riskRatings[row.rating_rank - 1] as RiskRating,
        status: row.status as RiskStatus,
        treatmentOption: row.treatment_option as TreatmentOption | null,
        treatmentActions: actions.get(row.id) ?? { open: 0, inProgress: 0, done: 0 },
        acceptanceExpired: row.status === "accepted",
      })),
      Object.values(byRating).reduce((sum, n) => sum + n, 0),
      PACK_LIST_LIMIT,
    ),
  };
}
