import { randomUUID } from "node:crypto";
import { type DocumentVersionStatus, type Routes, scopeContentSchema } from "@openaims/contracts";
import { diffChanges, diffLines, hashDocumentBody, isOpenVersion } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findDocument, findVersion, listVersions } from "./document-queries.js";
import { loadVersion, refuseIfArchived, syncDocumentState } from "./document-state.js";
import { editDraft } from "./edit-draft.js";
import { renderScopeBody } from "./scope-body.js";

export const getDocumentVersion: Handler<Routes["getDocumentVersion"]> = async ({ tx, org, input }) => {
  const { documentId, versionId } = input.params;
  await findDocument(tx, org.orgId, documentId);
  return loadVersion(tx, org.orgId, await findVersion(tx, org.orgId, documentId, versionId));
};

export const startDocumentDraft: Handler<Routes["startDocumentDraft"]> = async ({ tx, org, input, audit }) => {
  const document = await findDocument(tx, org.orgId, input.params.documentId, true);
  refuseIfArchived(document);
  if (document.version !== input.body.version) throw staleVersion("document", document.version, input.body.version);
  const versions = await listVersions(tx, org.orgId, document.id);
  const open = versions.find((v) => isOpenVersion(v.status as DocumentVersionStatus));
  if (open)
    throw new AppError(
      "illegal_transition",
      `Version ${open.number} of ${document.ref} is still ${open.status.replace("_", " ")}; finish it before starting another.`,
    );
  // Start from the version in force; after a retirement, from the newest version.
  const base = versions.find((v) => v.status === "approved") ?? versions[0];
  if (!base) throw new AppError("illegal_transition", `Document ${document.ref} has no version to start from.`);
  const scope = base.scope_content === null ? null : scopeContentSchema.parse(base.scope_content);
  const body = scope ? await renderScopeBody(tx, org.orgId, document.title, scope) : base.body;
  const id = randomUUID();
  const number = (versions[0]?.number ?? 0) + 1;
  const bodySha256 = hashDocumentBody(body);
  await tx
    .insertInto("document_versions")
    .values({
      id,
      org_id: org.orgId,
      document_id: document.id,
      number,
      status: "draft",
      body,
      body_sha256: bodySha256,
      scope_content: scope ? JSON.stringify(scope) : null,
      change_summary: input.body.changeSummary,
      approver_member_ids: JSON.stringify(base.approver_member_ids),
      based_on_version_id: base.id,
      created_by_member_id: org.membershipId,
    })
    .execute();
  const state = await syncDocumentState(tx, document);
  await audit({
    action: "document_version.created",
    entityType: "document_version",
    entityId: id,
    changes: {
      ...diffChanges(null, {
        documentId: document.id,
        number,
        status: "draft",
        basedOnVersionId: base.id,
        bodySha256,
        changeSummary: input.body.changeSummary,
      }),
      ...(state.before !== state.after ? { documentStatus: state } : {}),
    },
  });
  return loadVersion(tx, org.orgId, await findVersion(tx, org.orgId, document.id, id));
};

export const updateDocumentDraft: Handler<Routes["updateDocumentDraft"]> = async ({ tx, org, input, audit }) => {
  const { documentId, versionId } = input.params;
  const document = await findDocument(tx, org.orgId, documentId, true);
  const draft = await findVersion(tx, org.orgId, documentId, versionId, true);
  await editDraft(tx, document, draft, input.body, audit);
  return loadVersion(tx, org.orgId, await findVersion(tx, org.orgId, documentId, versionId));
};

export const diffDocumentVersions: Handler<Routes["diffDocumentVersions"]> = async ({ tx, org, input }) => {
  const document = await findDocument(tx, org.orgId, input.params.documentId);
  const versions = await listVersions(tx, org.orgId, document.id);
  const pick = (id: string | undefined, fallback: (typeof versions)[number] | undefined) => {
    if (id === undefined) return fallback;
    const found = versions.find((v) => v.id === id);
    if (!found) throw notFoundVersion(id);
    return found;
  };
  const to = pick(input.query.to, versions[0]);
  if (!to) throw new AppError("illegal_transition", `Document ${document.ref} has no versions.`);
  const from =
    pick(
      input.query.from,
      versions.find((v) => v.number < to.number),
    ) ?? to;
  const lines = diffLines(from.body, to.body);
  return {
    from: { id: from.id, number: from.number, bodySha256: from.body_sha256 },
    to: { id: to.id, number: to.number, bodySha256: to.body_sha256 },
    added: lines.filter((l) => l.kind === "added").length,
    removed: lines.filter((l) => l.kind === "removed").length,
    lines,
  };
};

function notFoundVersion(id: string): AppError {
  return new AppError("not_found", `Document version '${id}' was not found in this document.`);
}
