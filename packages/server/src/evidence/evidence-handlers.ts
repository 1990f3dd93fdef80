import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { findEvidence } from "./evidence-queries.js";
import { assertEvidenceDates, toInstant, validityFor } from "./evidence-validity-sync.js";
import { loadEvidence } from "./present-evidence.js";

export const getEvidence: Handler<Routes["getEvidence"]> = async ({ tx, org, input }) =>
  loadEvidence(tx, org.orgId, input.params.evidenceId);

function onlyFor(kind: string, field: "url" | "body"): AppError {
  const message = field === "url" ? "only link evidence has an address" : "only record evidence has a text";
  return invalidField(`body.${field}`, `${message} (this is a ${kind})`, field === "url" ? "Address" : "Text");
}

export const updateEvidence: Handler<Routes["updateEvidence"]> = async ({ tx, org, input, audit }) => {
  const row = await findEvidence(tx, org.orgId, input.params.evidenceId, true);
  if (row.archived_at)
    throw new AppError("illegal_transition", `Evidence ${row.ref} is archived and can no longer change.`);
  const body = input.body;
  if (row.version !== body.version) throw staleVersion("evidence", row.version, body.version);
  if (body.url !== undefined && row.kind !== "link") throw onlyFor(row.kind, "url");
  if (body.body !== undefined && row.kind !== "record") throw onlyFor(row.kind, "body");

  const collectedAt = body.collectedAt ? toInstant(body.collectedAt) : row.collected_at;
  const explicitValidUntil =
    body.validUntil === undefined
      ? row.validity_basis === "explicit"
        ? row.valid_until
        : null
      : body.validUntil === null
        ? null
        : toInstant(body.validUntil);
  assertEvidenceDates(collectedAt, explicitValidUntil, "body");
  const validity = await validityFor(tx, org.orgId, { evidenceId: row.id, collectedAt, explicitValidUntil });
  const before = {
    title: row.title,
    description: row.description ?? "",
    url: row.url,
    body: row.body,
    collectedAt: row.collected_at.toISOString(),
    validUntil: row.valid_until?.toISOString() ?? null,
    validityBasis: row.validity_basis,
  };
  const after = {
    title: body.title ?? row.title,
    description: body.description ?? row.description ?? "",
    url: body.url ?? row.url,
    body: body.body ?? row.body,
    collectedAt: collectedAt.toISOString(),
    validUntil: validity.validUntil?.toISOString() ?? null,
    validityBasis: validity.basis,
  };
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length === 0) return loadEvidence(tx, org.orgId, row.id);
  await tx
    .updateTable("evidence")
    .set({
      title: after.title,
      description: after.description || null,
      url: after.url,
      body: after.body,
      collected_at: collectedAt,
      valid_until: validity.validUntil,
      validity_basis: validity.basis,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", row.id)
    .execute();
  await audit({ action: "evidence.updated", entityType: "evidence", entityId: row.id, changes });
  return loadEvidence(tx, org.orgId, row.id);
};

export const archiveEvidence: Handler<Routes["archiveEvidence"]> = async ({ tx, org, input, audit }) => {
  const row = await findEvidence(tx, org.orgId, input.params.evidenceId, true);
  if (row.archived_at) throw new AppError("illegal_transition", `Evidence ${row.ref} is already archived.`);
  if (row.version !== input.body.version) throw staleVersion("evidence", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("evidence")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "evidence.archived",
    entityType: "evidence",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return loadEvidence(tx, org.orgId, row.id);
};
