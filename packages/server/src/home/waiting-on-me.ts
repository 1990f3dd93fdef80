import type { HomeView, HomeWaitingKind } from "@openaims/contracts";
import { todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** How many records the dashboard lists; the total counts them all. */
const LISTED = 20;

type WaitingItem = HomeView["waitingOnMe"]["items"][number];
interface Row {
  id: string;
  ref: string;
  title: string;
  path_id: string;
  since: string | null;
  total: number;
}

/** Who is asking: their membership and user ids, and whether their role may approve records. */
export interface WaitingFor {
  orgId: string;
  membershipId: string;
  userId: string;
  mayApprove: boolean;
}

/**
 * Records the person can act on now: versions and assessments awaiting an approval they may give
 * (not their own submissions), and records they own that are past due — treatment actions, risk and
 * system reviews, expired risk acceptances, document reviews. Each kind is one indexed query that
 * returns its first rows and its count.
 */
export async function loadWaitingOnMe(
  db: Kysely<Database>,
  who: WaitingFor,
  now: Date,
): Promise<HomeView["waitingOnMe"]> {
  const today = todayUtc(now);
  const queries: [HomeWaitingKind, (pathId: string) => string, Promise<Row[]>][] = [
    [
      "treatment_action_overdue",
      (riskId) => `risks/${riskId}`,
      db
        .selectFrom("risk_treatment_actions as a")
        .innerJoin("risks as r", "r.id", "a.risk_id")
        .select(["a.id", "r.ref", "a.title", "r.id as path_id", "a.due_date as since", total()])
        .where("a.org_id", "=", who.orgId)
        .where("a.owner_member_id", "=", who.membershipId)
        .where("a.archived_at", "is", null)
        .where("r.archived_at", "is", null)
        .where("a.status", "in", ["open", "in_progress"])
        .where("a.due_date", "<", today)
        .orderBy("a.due_date")
        .limit(LISTED)
        .execute(),
    ],
    [
      "risk_review_overdue",
      (riskId) => `risks/${riskId}`,
      ownedRisks(db, who)
        .select(["id", "ref", "title", "id as path_id", "review_date as since", total()])
        .where("status", "<>", "closed")
        .where("review_date", "<", today)
        .orderBy("review_date")
        .limit(LISTED)
        .execute(),
    ],
    [
      "risk_acceptance_expired",
      (riskId) => `risks/${riskId}`,
      ownedRisks(db, who)
        .select(["id", "ref", "title", "id as path_id", "accepted_until as since", total()])
        .where("status", "=", "accepted")
        .where("accepted_until", "<", today)
        .orderBy("accepted_until")
        .limit(LISTED)
        .execute(),
    ],
    [
      "system_review_overdue",
      (systemId) => `inventory/systems/${systemId}`,
      db
        .selectFrom("ai_systems")
        .select(["id", "slug as ref", "name as title", "id as path_id", "review_date as since", total()])
        .where("org_id", "=", who.orgId)
        .where("owner_member_id", "=", who.membershipId)
        .where("archived_at", "is", null)
        .where("lifecycle_stage", "<>", "retired")
        .where("review_date", "<", today)
        .orderBy("review_date")
        .limit(LISTED)
        .execute(),
    ],
    [
      "document_review_overdue",
      (documentId) => `documents/${documentId}`,
      db
        .selectFrom("documents")
        .select(["id", "ref", "title", "id as path_id", "next_review_date as since", total()])
        .where("org_id", "=", who.orgId)
        .where("owner_member_id", "=", who.membershipId)
        .where("archived_at", "is", null)
        .where("status", "=", "approved")
        .where("next_review_date", "<", today)
        .orderBy("next_review_date")
        .limit(LISTED)
        .execute(),
    ],
  ];
  if (who.mayApprove) queries.push(...approvalQueries(db, who));
  const results = await Promise.all(queries.map(([, , rows]) => rows));
  const items: WaitingItem[] = [];
  let count = 0;
  queries.forEach(([kind, pathOf], i) => {
    const rows = results[i] ?? [];
    count += Number(rows[0]?.total ?? 0);
    for (const row of rows)
      items.push({ kind, id: row.id, ref: row.ref, title: row.title, path: pathOf(row.path_id), since: row.since });
  });
  // Oldest first: what has waited longest comes first; undated items last.
  items.sort((a, b) => (a.since ?? "9999").localeCompare(b.since ?? "9999"));
  return { total: count, items: items.slice(0, LISTED) };
}

/** Every row of a kind carries the kind's full count, so one query gives the first rows and the total. */
const total = () => sql<number>`count(*) over ()`.as("total");

function ownedRisks(db: Kysely<Database>, who: WaitingFor) {
  return db
    .selectFrom("risks")
    .where("org_id", "=", who.orgId)
    .where("owner_member_id", "=", who.membershipId)
    .where("archived_at", "is", null);
}

function approvalQueries(
  db: Kysely<Database>,
  who: WaitingFor,
): [HomeWaitingKind, (pathId: string) => string, Promise<Row[]>][] {
  const day = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD')`;
  return [
    [
      "document_approval",
      (documentId) => `documents/${documentId}`,
      db
        .selectFrom("document_versions as v")
        .innerJoin("documents as d", "d.id", "v.document_id")
        .select(["v.id", "d.ref", "d.title", "d.id as path_id", day("v.submitted_at").as("since"), total()])
        .where("v.org_id", "=", who.orgId)
        .where("v.status", "=", "in_review")
        .where("d.archived_at", "is", null)
        .where((eb) =>
          eb.or([
            eb(sql`v.approver_member_ids`, "@>", JSON.stringify([who.membershipId])),
            eb.and([
              eb(sql`jsonb_array_length(v.approver_member_ids)`, "=", 0),
              eb(sql`v.submitted_by_member_id`, "is distinct from", who.membershipId),
            ]),
          ]),
        )
        .orderBy("v.submitted_at")
        .limit(LISTED)
        .execute(),
    ],
    [
      "impact_assessment_approval",
      (assessmentId) => `impact-assessments/${assessmentId}`,
      db
        .selectFrom("impact_assessments as ia")
        .innerJoin("ai_systems as s", "s.id", "ia.system_id")
        .select(["ia.id", "ia.ref", "s.name as title", "ia.id as path_id", day("ia.submitted_at").as("since"), total()])
        .where("ia.org_id", "=", who.orgId)
        .where("ia.status", "=", "submitted")
        .where("ia.archived_at", "is", null)
        .where(sql`ia.submitted_by`, "is distinct from", who.userId)
        .orderBy("ia.submitted_at")
        .limit(LISTED)
        .execute(),
    ],
  ];
}
