import { randomUUID } from "node:crypto";
import { seedChecklist } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

const keyOf = (item: { requirement_kind: string; requirement_id: string }) =>
  `${item.requirement_kind}:${item.requirement_id}`;

/**
 * Makes a planned audit's checklist match its clauses and controls: items for requirements newly in
 * scope are added from the templates, items no longer in scope are removed, and every item takes its
 * place in document order. Only for planned audits, whose items hold no answers or evidence yet; kept
 * items keep their assignee. Returns the requirement ids added and removed, for the audit entry.
 */
export async function syncChecklist(
  tx: Kysely<Database>,
  orgId: string,
  auditId: string,
  scope: { clauseIds: readonly string[]; controlIds: readonly string[] },
): Promise<{ added: string[]; removed: string[] }> {
  const seed = seedChecklist(scope).map((item, position) => ({
    requirement_kind: item.requirementKind,
    requirement_id: item.requirementId,
    title: item.title,
    procedure: item.procedure,
    pass_criterion: item.passCriterion,
    position,
  }));
  const existing = await tx
    .selectFrom("audit_checklist_items")
    .select(["id", "requirement_kind", "requirement_id", "position"])
    .where("org_id", "=", orgId)
    .where("audit_id", "=", auditId)
    .execute();
  const wanted = new Map(seed.map((item) => [keyOf(item), item]));
  const have = new Map(existing.map((item) => [keyOf(item), item]));
  const removed = existing.filter((item) => !wanted.has(keyOf(item)));
  const added = seed.filter((item) => !have.has(keyOf(item)));
  if (removed.length > 0)
    await tx
      .deleteFrom("audit_checklist_items")
      .where("org_id", "=", orgId)
      .where(
        "id",
        "in",
        removed.map((item) => item.id),
      )
      .execute();
  if (added.length > 0)
    await tx
      .insertInto("audit_checklist_items")
      .values(
        added.map((item) => ({
          ...item,
          id: randomUUID(),
          org_id: orgId,
          audit_id: auditId,
          assignee_member_id: null,
          result: null,
          notes: "",
          samples: "",
          answered_by_member_id: null,
          answered_at: null,
          nonconformity_id: null,
          improvement_id: null,
        })),
      )
      .execute();
  for (const item of existing) {
    const position = wanted.get(keyOf(item))?.position;
    if (position !== undefined && position !== item.position)
      await tx.updateTable("audit_checklist_items").set({ position }).where("id", "=", item.id).execute();
  }
  return { added: added.map((item) => item.requirement_id), removed: removed.map((item) => item.requirement_id) };
}
