import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { catalogueVersion, diffSoaRows, summarizeSoaDiff } from "@openaims/core";
import { refuseSelfApproval } from "../approvals/index.js";
import { exportOrgTable } from "../exports/index.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { lastApprovedVersion, loadSoaDraft, loadSoaVersion, presentVersionSummary } from "./load-soa.js";
import { soaTable } from "./soa-table.js";

export const getSoa: Handler<Routes["getSoa"]> = async ({ tx, org }) => loadSoaDraft(tx, org.orgId);

export const approveSoa: Handler<Routes["approveSoa"]> = async ({ tx, org, actor, input, audit }) => {
  // One approval at a time per organisation, so two approvers never race for the same number.
  await tx.selectFrom("organizations").select("id").where("id", "=", org.orgId).forUpdate().execute();
  await refuseSelfApproval(
    tx,
    { orgId: org.orgId, membershipId: org.membershipId, userId: actor.userId },
    { kind: "soa" },
  );
  const draft = await loadSoaDraft(tx, org.orgId);
  if (draft.contentHash !== input.body.contentHash) {
    throw new AppError(
      "conflict",
      "The Statement of Applicability changed since you reviewed it. Review the current version and approve again.",
      { currentContentHash: draft.contentHash },
    );
  }
  if (draft.issues.length > 0) {
    const shown = draft.issues.slice(0, 3).map((issue) => issue.message);
    const more = draft.issues.length > 3 ? ` … and ${draft.issues.length - 3} more` : "";
    throw new AppError(
      "illegal_transition",
      `Resolve ${draft.issues.length} issue${draft.issues.length > 1 ? "s" : ""} before approving: ${shown.join(" ")}${more}`,
      { issues: draft.issues },
    );
  }
  const last = await lastApprovedVersion(tx, org.orgId);
  const previousRows = last ? (await loadSoaVersion(tx, org.orgId, { id: last.id })).rows : [];
  const number = (last?.number ?? 0) + 1;
  const id = randomUUID();
  await tx
    .insertInto("soa_versions")
    .values({
      id,
      org_id: org.orgId,
      number,
      approved_by_member_id: org.membershipId,
      approved_by_label: `${actor.name} <${actor.email}>`,
      approved_at: new Date(),
      content: JSON.stringify({ rows: draft.rows, catalogueVersion }),
      content_hash: draft.contentHash,
      change_summary: input.body.changeSummary ?? summarizeSoaDiff(diffSoaRows(previousRows, draft.rows), !last),
    })
    .execute();
  await audit({
    action: "soa.approved",
    entityType: "soa_version",
    entityId: id,
    changes: {
      number: { before: last?.number ?? null, after: number },
      contentHash: { before: last?.content_hash ?? null, after: draft.contentHash },
    },
  });
  return loadSoaVersion(tx, org.orgId, { id });
};

export const listSoaVersions: Handler<Routes["listSoaVersions"]> = async ({ tx, org, input }) => {
  const sort = keysetSort("-number", { number: "soa_versions.number" }, "soa_versions.id");
  const cursor = parseCursor(input.query.cursor);
  let query = tx
    .selectFrom("soa_versions")
    .select([
      "id",
      "number",
      "approved_by_member_id",
      "approved_by_label",
      "approved_at",
      "content_hash",
      "change_summary",
    ])
    .where("org_id", "=", org.orgId);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("number", "desc")
    .orderBy("id", "desc")
    .limit(input.query.limit + 1)
    .execute();
  return pageOf(rows, input.query.limit, (row) => ({ k: row.number, id: row.id }), presentVersionSummary);
};

export const getSoaVersion: Handler<Routes["getSoaVersion"]> = async ({ tx, org, input }) =>
  loadSoaVersion(tx, org.orgId, { id: input.params.versionId });

export const diffSoa: Handler<Routes["diffSoa"]> = async ({ tx, org, input }) => {
  const { from, to } = input.query;
  const before = await loadSoaVersion(tx, org.orgId, { number: from });
  const afterRows =
    to === undefined
      ? (await loadSoaDraft(tx, org.orgId)).rows
      : (await loadSoaVersion(tx, org.orgId, { number: to })).rows;
  return { from, to: to ?? null, ...diffSoaRows(before.rows, afterRows) };
};

export const exportSoa: Handler<Routes["exportSoa"]> = async ({ tx, org, input }) => {
  const { format, version } = input.query;
  const generatedAt = new Date();
  const approved = version === undefined ? null : await loadSoaVersion(tx, org.orgId, { number: version });
  const rows = approved ? approved.rows : (await loadSoaDraft(tx, org.orgId, generatedAt)).rows;
  const table = soaTable({
    rows,
    version: version === undefined ? "draft" : `v${version}`,
    approval: approved ? { approvedBy: approved.approvedBy.label, approvedAt: new Date(approved.approvedAt) } : null,
    generatedAt,
  });
  return exportOrgTable(tx, org.orgId, table, format);
};
