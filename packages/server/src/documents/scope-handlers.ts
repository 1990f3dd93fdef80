import type { Routes } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError, notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findDocument, findVersion } from "./document-queries.js";
import { loadDocumentDetail, loadVersion } from "./document-state.js";
import { editDraft } from "./edit-draft.js";
import { insertDocument } from "./insert-document.js";
import { checkSystems } from "./reference-checks.js";
import { renderScopeBody } from "./scope-body.js";

/** The live AIMS scope document of an organisation, if there is one. */
function findLiveScope(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("documents")
    .select(["id", "ref"])
    .where("org_id", "=", orgId)
    .where("kind", "=", "aims_scope")
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

/** The scope with its version in progress and its version in force. */
async function loadScope(db: Kysely<Database>, orgId: string, documentId: string) {
  const document = await loadDocumentDetail(db, orgId, documentId);
  const version = async (id: string | undefined) =>
    id ? loadVersion(db, orgId, await findVersion(db, orgId, documentId, id)) : null;
  return {
    document,
    workingVersion: await version(document.workingVersion?.id),
    approvedVersion: await version(document.approvedVersion?.id),
  };
}

export const getScope: Handler<Routes["getScope"]> = async ({ tx, org }) => {
  const scope = await findLiveScope(tx, org.orgId);
  return scope ? loadScope(tx, org.orgId, scope.id) : null;
};

export const createScope: Handler<Routes["createScope"]> = async ({ tx, org, input, audit }) => {
  const existing = await findLiveScope(tx, org.orgId);
  if (existing)
    throw new AppError(
      "conflict",
      `This organisation already has an AIMS scope (${existing.ref}). Start a new draft of it instead.`,
    );
  const { title, content } = input.body;
  const documentId = await insertDocument(
    tx,
    {
      orgId: org.orgId,
      actorMemberId: org.membershipId,
      title,
      kind: "aims_scope",
      ownerMemberId: input.body.ownerMemberId ?? null,
      body: await renderScopeBody(tx, org.orgId, title, content),
      scopeContent: content,
      changeSummary: input.body.changeSummary,
      approverMemberIds: input.body.approverMemberIds,
      problems: await checkSystems(tx, org.orgId, "content.systemIds", content.systemIds),
    },
    audit,
  );
  return loadScope(tx, org.orgId, documentId);
};

export const updateScopeDraft: Handler<Routes["updateScopeDraft"]> = async ({ tx, org, input, audit }) => {
  const located = await tx
    .selectFrom("document_versions as v")
    .innerJoin("documents as d", "d.id", "v.document_id")
    .select(["v.document_id"])
    .where("v.org_id", "=", org.orgId)
    .where("v.id", "=", input.params.versionId)
    .where("d.kind", "=", "aims_scope")
    .executeTakeFirst();
  if (!located) throw notFound("Scope version", input.params.versionId);
  const document = await findDocument(tx, org.orgId, located.document_id, true);
  const draft = await findVersion(tx, org.orgId, document.id, input.params.versionId, true);
  const { content, ...rest } = input.body;
  await editDraft(tx, document, draft, { ...rest, scope: content }, audit);
  return loadScope(tx, org.orgId, document.id);
};
