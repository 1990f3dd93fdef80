import type { AuditResult, ChecklistItem, ImprovementStatus, NonconformityStatus } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { notFound, staleVersion } from "../http/app-error.js";

/** Checklist items with the names of their assignee and answerer and what was raised from them. */
function itemQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("audit_checklist_items as i")
    .leftJoin("memberships as am", "am.id", "i.assignee_member_id")
    .leftJoin("users as au", "au.id", "am.user_id")
    .leftJoin("memberships as bm", "bm.id", "i.answered_by_member_id")
    .leftJoin("users as bu", "bu.id", "bm.user_id")
    .leftJoin("nonconformities as nc", "nc.id", "i.nonconformity_id")
    .leftJoin("improvements as imp", "imp.id", "i.improvement_id")
    .selectAll("i")
    .select([
      "au.name as assignee_name",
      "bu.name as answered_by_name",
      "nc.ref as nonconformity_ref",
      "nc.status as nonconformity_status",
      "imp.ref as improvement_ref",
      "imp.status as improvement_status",
    ])
    .where("i.org_id", "=", orgId);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>["executeTakeFirstOrThrow"]>>;
type EvidenceRef = { id: string; ref: string; title: string };

async function loadEvidence(db: Kysely<Database>, orgId: string, itemIds: readonly string[]) {
  const byItem = new Map<string, EvidenceRef[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom("audit_item_evidence as l")
    .innerJoin("evidence as e", "e.id", "l.evidence_id")
    .select(["l.item_id", "e.id", "e.ref", "e.title"])
    .where("l.org_id", "=", orgId)
    .where("l.item_id", "in", itemIds)
    .orderBy("e.created_at")
    .execute();
  for (const { item_id, ...evidence } of rows) byItem.set(item_id, [...(byItem.get(item_id) ?? []), evidence]);
  return byItem;
}

function presentItem(row: ItemRow, evidence: EvidenceRef[]): ChecklistItem {
  return {
    id: row.id,
    auditId: row.audit_id,
    position: row.position,
    requirementKind: row.requirement_kind as ChecklistItem["requirementKind"],
    requirementId: row.requirement_id,
    title: row.title,
    procedure: row.procedure,
    passCriterion: row.pass_criterion,
    assignee:
      row.assignee_member_id && row.assignee_name
        ? { memberId: row.assignee_member_id, name: row.assignee_name }
        : null,
    result: row.result as AuditResult | null,
    notes: row.notes,
    samples: row.samples,
    answeredBy:
      row.answered_by_member_id && row.answered_by_name
        ? { memberId: row.answered_by_member_id, name: row.answered_by_name }
        : null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    evidence,
    nonconformity:
      row.nonconformity_id && row.nonconformity_ref
        ? {
            id: row.nonconformity_id,
            ref: row.nonconformity_ref,
            status: row.nonconformity_status as NonconformityStatus,
          }
        : null,
    improvement:
      row.improvement_id && row.improvement_ref
        ? { id: row.improvement_id, ref: row.improvement_ref, status: row.improvement_status as ImprovementStatus }
        : null,
    version: row.version,
  };
}

/** An audit's checklist in order. */
export async function loadChecklist(db: Kysely<Database>, orgId: string, auditId: string): Promise<ChecklistItem[]> {
  const rows = await itemQuery(db, orgId).where("i.audit_id", "=", auditId).orderBy("i.position").execute();
  const evidence = await loadEvidence(
    db,
    orgId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentItem(row, evidence.get(row.id) ?? []));
}

/** One checklist item of an audit; an item of another audit or organisation answers 404. */
export async function loadChecklistItem(
  db: Kysely<Database>,
  orgId: string,
  auditId: string,
  itemId: string,
): Promise<ChecklistItem> {
  const row = await itemQuery(db, orgId)
    .where("i.audit_id", "=", auditId)
    .where("i.id", "=", itemId)
    .executeTakeFirst();
  if (!row) throw notFound("Checklist item", itemId);
  return presentItem(row, (await loadEvidence(db, orgId, [row.id])).get(row.id) ?? []);
}

/** Locks a checklist item of an audit for a change; 404 elsewhere, 409 when the sent version is stale. */
export async function lockChecklistItem(
  db: Kysely<Database>,
  orgId: string,
  auditId: string,
  itemId: string,
  version: number,
) {
  const row = await db
    .selectFrom("audit_checklist_items")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("audit_id", "=", auditId)
    .where("id", "=", itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("Checklist item", itemId);
  if (row.version !== version) throw staleVersion("checklist item", row.version, version);
  return row;
}
