import { randomUUID } from "node:crypto";
import type { DocumentKind, ScopeContent } from "@openaims/contracts";
import { diffChanges, hashDocumentBody } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { nextRef } from "../records/next-ref.js";
import { checkMembers, type FieldProblem, refuseProblems } from "./reference-checks.js";

export interface NewDocument {
  orgId: string;
  /** The creating member. */
  actorMemberId: string;
  title: string;
  kind: DocumentKind;
  ownerMemberId: string | null;
  body: string;
  scopeContent: ScopeContent | null;
  changeSummary: string;
  approverMemberIds: string[];
  /** Checks of the body the caller adds (e.g. scope systems), reported with the member checks. */
  problems?: FieldProblem[];
}

/** Creates a document (ref DOC-n) with its first draft, and records both in the audit trail. */
export async function insertDocument(
  tx: Kysely<Database>,
  input: NewDocument,
  audit: (event: AuditEvent) => Promise<void>,
): Promise<string> {
  refuseProblems([
    ...(input.problems ?? []),
    ...(await checkMembers(tx, input.orgId, "ownerMemberId", input.ownerMemberId ? [input.ownerMemberId] : [])),
    ...(await checkMembers(tx, input.orgId, "approverMemberIds", input.approverMemberIds)),
  ]);
  const documentId = randomUUID();
  const versionId = randomUUID();
  const ref = await nextRef(tx, input.orgId, "document", "DOC");
  await tx
    .insertInto("documents")
    .values({
      id: documentId,
      org_id: input.orgId,
      ref,
      title: input.title,
      kind: input.kind,
      status: "draft",
      owner_member_id: input.ownerMemberId,
      next_review_date: null,
      approved_version_id: null,
      working_version_id: versionId,
      created_by_member_id: input.actorMemberId,
    })
    .execute();
  const bodySha256 = hashDocumentBody(input.body);
  await tx
    .insertInto("document_versions")
    .values({
      id: versionId,
      org_id: input.orgId,
      document_id: documentId,
      number: 1,
      status: "draft",
      body: input.body,
      body_sha256: bodySha256,
      scope_content: input.scopeContent ? JSON.stringify(input.scopeContent) : null,
      change_summary: input.changeSummary,
      approver_member_ids: JSON.stringify(input.approverMemberIds),
      created_by_member_id: input.actorMemberId,
    })
    .execute();
  await audit({
    action: "document.created",
    entityType: "document",
    entityId: documentId,
    changes: diffChanges(null, {
      ref,
      title: input.title,
      kind: input.kind,
      ownerMemberId: input.ownerMemberId,
      status: "draft",
    }),
  });
  await audit({
    action: "document_version.created",
    entityType: "document_version",
    entityId: versionId,
    changes: diffChanges(null, {
      documentId,
      number: 1,
      status: "draft",
      bodySha256,
      changeSummary: input.changeSummary,
      approverMemberIds: input.approverMemberIds,
    }),
  });
  return documentId;
}
