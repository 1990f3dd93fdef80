import { type SqlBool, sql } from "kysely";
import { addDays, asOwned, type DueRow, type DueScope, dueRow, EXPIRY_WINDOW_DAYS, ownedBy } from "./due-scope.js";

/** The last day of the expiry window, or the scope's end when that comes first. */
function expiryHorizon(scope: DueScope): string {
  const window = addDays(scope.today, EXPIRY_WINDOW_DAYS);
  return scope.until !== null && scope.until < window ? scope.until : window;
}

/**
 * Live evidence that expires within the window or has expired, due on its last valid day. It goes to
 * the owners of the controls it supports; evidence that supports no owned control goes to whoever
 * added it.
 */
export async function dueEvidenceExpiry(scope: DueScope): Promise<DueRow[]> {
  const horizon = sql`(${addDays(expiryHorizon(scope), 1)}::date)`;
  const validDay = sql<string>`to_char(e.valid_until at time zone 'UTC', 'YYYY-MM-DD')`;
  const live = scope.db
    .selectFrom("evidence as e")
    .where("e.org_id", "=", scope.orgId)
    .where("e.archived_at", "is", null)
    .where("e.valid_until", "is not", null)
    .where(sql<SqlBool>`e.valid_until < ${horizon}`);
  // Starting from the owned controls keeps one member's lookup to their few controls' links.
  const controlOwners = scope.db
    .selectFrom("controls as c")
    .innerJoin("evidence_links as l", (join) =>
      join
        .on(sql<SqlBool>`l.target_id = c.id`)
        .onRef("l.org_id", "=", "c.org_id")
        .on("l.target_type", "=", "control")
        .on("l.archived_at", "is", null),
    )
    .innerJoin("evidence as e", "e.id", "l.evidence_id")
    .select(["e.id as record_id", "e.ref", "e.title", "c.owner_member_id as member_id", validDay.as("due_date")])
    .where("c.org_id", "=", scope.orgId)
    .where("c.archived_at", "is", null)
    .where(ownedBy("c.owner_member_id", scope))
    .where("e.archived_at", "is", null)
    .where("e.valid_until", "is not", null)
    .where(sql<SqlBool>`e.valid_until < ${horizon}`);
  const adders = live
    .select(["e.id as record_id", "e.ref", "e.title", "e.created_by_member_id as member_id", validDay.as("due_date")])
    .where(ownedBy("e.created_by_member_id", scope))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("evidence_links as l")
            .innerJoin("controls as c", (join) => join.on(sql<SqlBool>`c.id = l.target_id`))
            .select(sql`1`.as("one"))
            .whereRef("l.evidence_id", "=", "e.id")
            .where("l.target_type", "=", "control")
            .where("l.archived_at", "is", null)
            .where("c.archived_at", "is", null)
            .where("c.owner_member_id", "is not", null),
        ),
      ),
    );
  const rows = await controlOwners.union(adders).execute();
  return rows.map((row) => dueRow("evidence_expiry", "evidence", asOwned(row), `evidence/${row.record_id}`));
}

/**
 * Training that expires within the window or has expired, for the member trained, unless a later
 * completion of the same course renews it.
 */
export async function dueTrainingExpiry(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("training_records as t")
    .select(["t.id as record_id", "t.course as title", "t.member_id", "t.expires_on as due_date"])
    .where("t.org_id", "=", scope.orgId)
    .where(ownedBy("t.member_id", scope))
    .where("t.archived_at", "is", null)
    .where("t.expires_on", "is not", null)
    .where("t.expires_on", "<=", expiryHorizon(scope))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("training_records as later")
            .select(sql`1`.as("one"))
            .whereRef("later.org_id", "=", "t.org_id")
            .whereRef("later.member_id", "=", "t.member_id")
            .where(sql<SqlBool>`lower(later.course) = lower(t.course)`)
            .where("later.archived_at", "is", null)
            .whereRef("later.id", "<>", "t.id")
            .where(sql<SqlBool>`(later.expires_on is null or later.expires_on > t.expires_on)`),
        ),
      ),
    )
    .execute();
  return rows.map((row) =>
    dueRow("training_expiry", "training_record", { ...row, ref: null }, "competence?tab=training"),
  );
}

/**
 * Members who have not acknowledged the approved version of an AI policy in force. A newly approved
 * version has a new id, so it asks everyone again. Undated.
 */
export async function duePolicyAcknowledgements(scope: DueScope): Promise<DueRow[]> {
  const rows = await scope.db
    .selectFrom("documents as d")
    .innerJoin("memberships as m", (join) => join.onRef("m.org_id", "=", "d.org_id").on("m.archived_at", "is", null))
    .select(["d.id as record_id", "d.ref", "d.title", "m.id as member_id", "d.approved_version_id"])
    .where("d.org_id", "=", scope.orgId)
    .where("d.kind", "=", "ai_policy")
    .where("d.status", "=", "approved")
    .where("d.archived_at", "is", null)
    .where("d.approved_version_id", "is not", null)
    .$if(scope.memberId !== null, (qb) => qb.where("m.id", "=", scope.memberId as string))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("policy_acknowledgements as p")
            .select(sql`1`.as("one"))
            .whereRef("p.member_id", "=", "m.id")
            .whereRef("p.document_version_id", "=", "d.approved_version_id"),
        ),
      ),
    )
    .execute();
  return rows.map((row) =>
    dueRow("policy_acknowledgement", "document", { ...row, due_date: null }, "competence?tab=policy"),
  );
}
