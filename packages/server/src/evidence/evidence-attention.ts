import type { Evidence, Routes } from "@openaims/contracts";
import { daysAfter } from "@openaims/core";
import { loadControlEvidence, NO_EVIDENCE } from "../controls/control-evidence-state.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, pageOf, parseCursor } from "../http/keyset.js";
import { evidenceQuery } from "./evidence-queries.js";
import { presentEvidenceRows } from "./present-evidence.js";

const SORT = { column: "evidence.valid_until", direction: "asc", idColumn: "evidence.id" } as const;

/**
 * Active evidence that has expired or expires within `withinDays`, soonest first, with the controls
 * it is linked to and each control's evidence state across all its evidence (from the controls
 * module), so a reader sees which controls have nothing current left.
 */
export const listEvidenceAttention: Handler<Routes["listEvidenceAttention"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, withinDays } = input.query;
  const cursor = parseCursor(rawCursor);
  const horizon = daysAfter(new Date(), withinDays);
  let query = evidenceQuery(tx, org.orgId)
    .where("evidence.archived_at", "is", null)
    .where("evidence.valid_until", "is not", null)
    .where("evidence.valid_until", "<=", horizon);
  if (cursor) query = query.where(afterCursor({ ...SORT }, cursor));
  const rows = await query
    .orderBy("evidence.valid_until", "asc")
    .orderBy("evidence.id", "asc")
    .limit(limit + 1)
    .execute();
  const page = pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.valid_until), id: row.id }),
    (row) => row,
  );
  const evidence = await presentEvidenceRows(tx, org.orgId, page.items);
  const controlLinks = (item: Evidence) =>
    item.links.filter((link) => link.targetType === "control" && link.targetId !== null);
  const controlIds = [
    ...new Set(evidence.flatMap((item) => controlLinks(item).map((link) => link.targetId as string))),
  ];
  const controlEvidence = await loadControlEvidence(tx, org.orgId, controlIds);
  return {
    items: evidence.map((item) => ({
      evidence: item,
      affectedControls: controlLinks(item).map((link) => ({
        id: link.targetId as string,
        ref: link.ref,
        title: link.title,
        evidenceState: (controlEvidence.get(link.targetId as string) ?? NO_EVIDENCE).state,
      })),
    })),
    nextCursor: page.nextCursor,
  };
};
