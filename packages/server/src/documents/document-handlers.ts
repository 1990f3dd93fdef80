import type { Routes } from "@openaims/contracts";
import { diffChanges, documentTemplates, isoDate, renderDocumentTemplate } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { findDocument } from "./document-queries.js";
import { loadDocumentDetail, refuseIfArchived } from "./document-state.js";
import { documentSummaryQuery, presentDocumentSummary } from "./document-summary-query.js";
import { insertDocument } from "./insert-document.js";
import { checkMembers, refuseProblems } from "./reference-checks.js";

const SORT_COLUMNS = { title: "d.title", createdAt: "d.created_at", updatedAt: "d.updated_at" };
const KEY_OF = { "d.title": "title", "d.created_at": "created_at", "d.updated_at": "updated_at" } as const;

export const listDocuments: Handler<Routes["listDocuments"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, kind, status, overdue, archived, q, sort: sortKey } = input.query;
  const sort = keysetSort(sortKey, SORT_COLUMNS, "d.id");
  const cursor = parseCursor(rawCursor);
  const today = isoDate(new Date());
  let query = documentSummaryQuery(tx, org.orgId);
  if (kind) query = query.where("d.kind", "=", kind);
  if (status) query = query.where("d.status", "=", status);
  if (archived === "active") query = query.where("d.archived_at", "is", null);
  if (archived === "archived") query = query.where("d.archived_at", "is not", null);
  if (overdue === "true") query = query.where("d.status", "=", "approved").where("d.next_review_date", "<", today);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("d.title", "ilike", like), eb("d.ref", "ilike", like)]));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy(sort.column as "d.title", sort.direction)
    .orderBy("d.id", sort.direction)
    .limit(limit + 1)
    .execute();
  const key = KEY_OF[sort.column as keyof typeof KEY_OF];
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row[key]), id: row.id }),
    (row) => presentDocumentSummary(row, today),
  );
};

export const listDocumentTemplates: Handler<Routes["listDocumentTemplates"]> = async () => ({
  items: Object.values(documentTemplates).map(({ id, kind, title, description }) => ({ id, kind, title, description })),
});

export const getDocument: Handler<Routes["getDocument"]> = async ({ tx, org, input }) =>
  loadDocumentDetail(tx, org.orgId, input.params.documentId);

export const createDocument: Handler<Routes["createDocument"]> = async ({ tx, org, input, audit }) => {
  const { body } = input;
  const documentId = await insertDocument(
    tx,
    {
      orgId: org.orgId,
      actorMemberId: org.membershipId,
      title: body.title,
      kind: body.kind,
      ownerMemberId: body.ownerMemberId ?? null,
      body: body.body,
      scopeContent: null,
      changeSummary: body.changeSummary,
      approverMemberIds: body.approverMemberIds,
    },
    audit,
  );
  return loadDocumentDetail(tx, org.orgId, documentId);
};

export const createDocumentFromTemplate: Handler<Routes["createDocumentFromTemplate"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const template = documentTemplates[input.body.template];
  const organisation = await tx
    .selectFrom("organizations")
    .select("name")
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  const documentId = await insertDocument(
    tx,
    {
      orgId: org.orgId,
      actorMemberId: org.membershipId,
      title: input.body.title ?? template.title,
      kind: template.kind,
      ownerMemberId: input.body.ownerMemberId ?? null,
      body: renderDocumentTemplate(template.id, organisation.name),
      scopeContent: null,
      changeSummary: `First draft from the ${template.title} template`,
      approverMemberIds: [],
    },
    audit,
  );
  return loadDocumentDetail(tx, org.orgId, documentId);
};

export const updateDocument: Handler<Routes["updateDocument"]> = async ({ tx, org, input, audit }) => {
  const document = await findDocument(tx, org.orgId, input.params.documentId, true);
  refuseIfArchived(document);
  if (document.version !== input.body.version) throw staleVersion("document", document.version, input.body.version);
  const { title, ownerMemberId } = input.body;
  if (ownerMemberId) refuseProblems(await checkMembers(tx, org.orgId, "ownerMemberId", [ownerMemberId]));
  const next = {
    title: title ?? document.title,
    ownerMemberId: ownerMemberId === undefined ? document.owner_member_id : ownerMemberId,
  };
  const changes = diffChanges({ title: document.title, ownerMemberId: document.owner_member_id }, next);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("documents")
      .set({
        title: next.title,
        owner_member_id: next.ownerMemberId,
        version: document.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", document.id)
      .execute();
    await audit({ action: "document.updated", entityType: "document", entityId: document.id, changes });
  }
  return loadDocumentDetail(tx, org.orgId, document.id);
};

export const archiveDocument: Handler<Routes["archiveDocument"]> = async ({ tx, org, input, audit }) => {
  const document = await findDocument(tx, org.orgId, input.params.documentId, true);
  if (document.archived_at) throw new AppError("illegal_transition", `Document ${document.ref} is already archived.`);
  if (document.version !== input.body.version) throw staleVersion("document", document.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("documents")
    .set({ archived_at: now, archive_reason: input.body.reason, version: document.version + 1, updated_at: now })
    .where("id", "=", document.id)
    .execute();
  await audit({
    action: "document.archived",
    entityType: "document",
    entityId: document.id,
    changes: {
      archived: { before: false, after: true },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return loadDocumentDetail(tx, org.orgId, document.id);
};
