import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { nextRef } from "../records/next-ref.js";
import { controlEvidenceStateIs } from "./control-evidence-state.js";
import { assertLive, controlQuery, findControl, findOwnerMember } from "./control-queries.js";
import { loadControl, presentControls } from "./present-control.js";

/** Custom controls sort after the Annex A ones, in the order they were created. */
const CUSTOM_POSITION_BASE = 1000;

export const listControls: Handler<Routes["listControls"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, area, applicability, implementationStatus, evidenceState, status, q } = input.query;
  const sort = keysetSort("position", { position: "controls.position" }, "controls.id");
  const cursor = parseCursor(rawCursor);
  const now = new Date();
  let query = controlQuery(tx, org.orgId);
  if (status === "active") query = query.where("controls.archived_at", "is", null);
  if (status === "archived") query = query.where("controls.archived_at", "is not", null);
  if (area === "custom") query = query.where("controls.kind", "=", "custom");
  else if (area) query = query.where("controls.area_id", "=", area);
  if (applicability === "applicable") query = query.where("controls.applicable", "=", true);
  if (applicability === "not_applicable") query = query.where("controls.applicable", "=", false);
  if (applicability === "undecided") query = query.where("controls.applicable", "is", null);
  if (implementationStatus) query = query.where("controls.implementation_status", "=", implementationStatus);
  if (evidenceState) query = query.where(controlEvidenceStateIs(evidenceState, now));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("controls.ref", "ilike", like), eb("controls.title", "ilike", like)]));
  }
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("controls.position", "asc")
    .orderBy("controls.id", "asc")
    .limit(limit + 1)
    .execute();
  const page = pageOf(
    rows,
    limit,
    (row) => ({ k: row.position, id: row.id }),
    (row) => row,
  );
  return { items: await presentControls(tx, org.orgId, page.items, now), nextCursor: page.nextCursor };
};

export const getControl: Handler<Routes["getControl"]> = async ({ tx, org, input }) =>
  loadControl(tx, org.orgId, input.params.controlId);

export const createControl: Handler<Routes["createControl"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  if (body.ownerMemberId) await findOwnerMember(tx, org.orgId, body.ownerMemberId);
  const ref = await nextRef(tx, org.orgId, "control", "C");
  const fields = {
    ref,
    title: body.title,
    kind: "custom",
    description: body.description || null,
    owner_member_id: body.ownerMemberId ?? null,
    evidence_requirement: body.evidenceRequirement || null,
    evidence_freshness_days: body.evidenceFreshnessDays ?? null,
  };
  const id = randomUUID();
  await tx
    .insertInto("controls")
    .values({
      id,
      org_id: org.orgId,
      ...fields,
      area_id: null,
      position: CUSTOM_POSITION_BASE + Number(ref.slice(2)),
    })
    .execute();
  await audit({ action: "control.created", entityType: "control", entityId: id, changes: diffChanges(null, fields) });
  return loadControl(tx, org.orgId, id);
};

export const archiveControl: Handler<Routes["archiveControl"]> = async ({ tx, org, input, audit }) => {
  const row = await findControl(tx, org.orgId, input.params.controlId, true);
  if (row.kind === "annex_a") {
    throw new AppError(
      "illegal_transition",
      `${row.ref} is an Annex A control and stays in the Statement of Applicability; mark it not applicable with a justification instead.`,
    );
  }
  assertLive(row);
  if (row.version !== input.body.version) throw staleVersion("control", row.version, input.body.version);
  const now = new Date();
  await tx
    .updateTable("controls")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "control.archived",
    entityType: "control",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return loadControl(tx, org.orgId, row.id);
};
