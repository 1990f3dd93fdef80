import type { Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import type { Handler, HandlerContext } from "../http/handler-context.js";
import { insertImprovement, insertNonconformity } from "../nonconformities/index.js";
import { type LockedAudit, lockAudit, teamOf, touchAudit } from "./audit-queries.js";
import { checkAuditWriteAccess } from "./audit-write-access.js";
import { resultWords } from "./checklist-item-handlers.js";
import { loadChecklistItem, lockChecklistItem } from "./checklist-item-queries.js";

type ItemRow = Awaited<ReturnType<typeof lockChecklistItem>>;
type RaiseRoute = Routes["raiseNonconformityFromAuditItem"] | Routes["logImprovementFromAuditItem"];

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The title of what an item raises: the audit, the requirement and what was found. */
function raisedTitle(audit: LockedAudit["row"], item: ItemRow): string {
  return cut(`${audit.ref} ${item.requirement_id} ${item.title}: ${resultWords(item.result)}`, 200);
}

/** What an auditor wrote about the item, with the criterion it was judged against. */
function raisedDescription(audit: LockedAudit["row"], item: ItemRow): string {
  const parts = [
    `Found in internal audit ${audit.ref} (${audit.title}) against ${item.requirement_id} ${item.title}.`,
    `Pass criterion: ${item.pass_criterion}`,
    item.notes ? `Notes: ${item.notes}` : "",
    item.samples ? `Samples: ${item.samples}` : "",
  ];
  return cut(parts.filter(Boolean).join("\n\n"), 5000);
}

/** The one AI system the audit's scope names, if it names exactly one that is still active. */
async function onlySystem(db: Kysely<Database>, orgId: string, audit: LockedAudit["row"]): Promise<string | null> {
  if (audit.scope_system_ids.length !== 1) return null;
  const system = await db
    .selectFrom("ai_systems")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", audit.scope_system_ids[0] as string)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  return system?.id ?? null;
}

/**
 * Locks the audit and item for raising, and refuses what cannot be raised: outside fieldwork or
 * reporting, from a result of another kind, or a second time (409 naming the record already raised).
 */
async function lockForRaising(ctx: HandlerContext<RaiseRoute>, kind: "nonconformity" | "improvement") {
  const { tx, org, input } = ctx;
  const locked = await lockAudit(tx, org.orgId, input.params.auditId);
  checkAuditWriteAccess(org, teamOf(locked));
  const item = await lockChecklistItem(tx, org.orgId, input.params.auditId, input.params.itemId, input.body.version);
  const { row } = locked;
  if (row.status !== "in_progress" && row.status !== "reporting")
    throw new AppError(
      "illegal_transition",
      `Findings are raised while ${row.ref} is in progress or reporting; it is ${row.status.replace("_", " ")}.`,
    );
  const accepted = kind === "nonconformity" ? ["minor_nc", "major_nc"] : ["opportunity"];
  if (!item.result || !accepted.includes(item.result))
    throw new AppError(
      "conflict",
      kind === "nonconformity"
        ? `Only a minor or major nonconformity result raises a nonconformity; this item's result is ${resultWords(item.result)}.`
        : `Only an opportunity for improvement result is logged as an improvement; this item's result is ${resultWords(item.result)}.`,
    );
  const existingId = kind === "nonconformity" ? item.nonconformity_id : item.improvement_id;
  if (existingId) {
    const table = kind === "nonconformity" ? "nonconformities" : "improvements";
    const existing = await tx.selectFrom(table).select("ref").where("id", "=", existingId).executeTakeFirst();
    throw new AppError("conflict", `${existing?.ref ?? "A record"} was already raised from this checklist item.`, {
      [`${kind}Id`]: existingId,
    });
  }
  return { row, item };
}

async function markRaised(
  ctx: HandlerContext<RaiseRoute>,
  row: LockedAudit["row"],
  item: ItemRow,
  column: "nonconformity_id" | "improvement_id",
  record: { id: string; ref: string },
) {
  await ctx.tx
    .updateTable("audit_checklist_items")
    .set({ [column]: record.id, version: item.version + 1, updated_at: new Date() })
    .where("id", "=", item.id)
    .execute();
  await touchAudit(ctx.tx, row);
  await ctx.audit({
    action: column === "nonconformity_id" ? "internal_audit.nonconformity_raised" : "internal_audit.improvement_logged",
    entityType: "audit_checklist_item",
    entityId: item.id,
    changes: { [column === "nonconformity_id" ? "nonconformity" : "improvement"]: { before: null, after: record.ref } },
  });
  return {
    item: await loadChecklistItem(ctx.tx, ctx.org.orgId, row.id, item.id),
    record,
  };
}

/**
 * Raises a nonconformity from a minor or major result through the nonconformity module's own operation,
 * once: its source is the audit, its severity the result's, its system the scope's only system. It then
 * takes the usual corrective-action path.
 */
export const raiseNonconformityFromAuditItem: Handler<Routes["raiseNonconformityFromAuditItem"]> = async (ctx) => {
  const { row, item } = await lockForRaising(ctx, "nonconformity");
  const record = await insertNonconformity(
    ctx.tx,
    ctx.org.orgId,
    {
      title: raisedTitle(row, item),
      description: raisedDescription(row, item),
      severity: item.result === "major_nc" ? "major" : "minor",
      source: "audit",
      sourceId: row.id,
      systemId: await onlySystem(ctx.tx, ctx.org.orgId, row),
      raisedByMemberId: ctx.org.membershipId,
    },
    ctx.audit,
  );
  return markRaised(ctx, row, item, "nonconformity_id", record);
};

/** Logs an opportunity result in the improvement log, once, with the audit as its source. */
export const logImprovementFromAuditItem: Handler<Routes["logImprovementFromAuditItem"]> = async (ctx) => {
  const { row, item } = await lockForRaising(ctx, "improvement");
  const record = await insertImprovement(
    ctx.tx,
    ctx.org.orgId,
    {
      title: raisedTitle(row, item),
      description: raisedDescription(row, item),
      source: "audit",
      sourceId: row.id,
      ownerMemberId: null,
      raisedByMemberId: ctx.org.membershipId,
    },
    ctx.audit,
  );
  return markRaised(ctx, row, item, "improvement_id", record);
};
