import { randomUUID } from "node:crypto";
import { type IncidentStatus, labelOf, type Routes } from "@openaims/contracts";
import { checkIncidentTransition } from "@openaims/core";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { addTimelineEntry } from "./incident-handlers.js";
import { checkLinkTarget, linkTargets } from "./incident-links.js";
import { findIncident, loadIncidentDetail } from "./incident-queries.js";

/** Moves an incident one allowed step and writes the step to its timeline; 409 naming the allowed steps otherwise. */
export const transitionIncident: Handler<Routes["transitionIncident"]> = async ({ tx, org, input, audit }) => {
  const { incidentId } = input.params;
  const { to, version, note } = input.body;
  const row = await findIncident(tx, org.orgId, incidentId, true);
  if (row.version !== version) throw staleVersion("incident", row.version, version);
  const from = row.status as IncidentStatus;
  const check = checkIncidentTransition(from, to);
  if (!check.ok) throw new AppError("illegal_transition", check.reason, { allowed: check.allowed });
  const now = new Date();
  await tx
    .updateTable("incidents")
    .set({
      status: to,
      resolved_at: to === "resolved" ? now : to === "contained" ? null : row.resolved_at,
      closed_at: to === "closed" ? now : null,
      updated_at: now,
      version: row.version + 1,
    })
    .where("id", "=", incidentId)
    .execute();
  const step = `${labelOf("incidentStatus", from)} → ${labelOf("incidentStatus", to)}`;
  await addTimelineEntry(tx, org.orgId, incidentId, {
    kind: "status_change",
    body: note || step,
    fromStatus: from,
    toStatus: to,
    authorMemberId: org.membershipId,
  });
  await audit({
    action: "incident.status_changed",
    entityType: "incident",
    entityId: incidentId,
    changes: { status: { before: from, after: to }, ...(note ? { note: { before: null, after: note } } : {}) },
  });
  return loadIncidentDetail(tx, org.orgId, incidentId);
};

export const addIncidentTimelineEntry: Handler<Routes["addIncidentTimelineEntry"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { incidentId } = input.params;
  await findIncident(tx, org.orgId, incidentId, true);
  const entryId = await addTimelineEntry(tx, org.orgId, incidentId, {
    kind: "note",
    body: input.body.body,
    authorMemberId: org.membershipId,
  });
  await audit({
    action: "incident.note_added",
    entityType: "incident",
    entityId: incidentId,
    changes: { note: { before: null, after: { id: entryId, body: input.body.body } } },
  });
  return loadIncidentDetail(tx, org.orgId, incidentId);
};

/** Records what was told to whom; the timeline notes it too. */
export const addIncidentCommunication: Handler<Routes["addIncidentCommunication"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const { incidentId } = input.params;
  const body = input.body;
  await findIncident(tx, org.orgId, incidentId, true);
  const id = randomUUID();
  await tx
    .insertInto("incident_communications")
    .values({
      id,
      org_id: org.orgId,
      incident_id: incidentId,
      audience: body.audience,
      recipient: body.recipient,
      communicated_at: new Date(body.communicatedAt),
      channel: body.channel,
      summary: body.summary,
      recorded_by_member_id: org.membershipId,
    })
    .execute();
  await addTimelineEntry(tx, org.orgId, incidentId, {
    kind: "communication",
    body: `${labelOf("communicationAudience", body.audience)} (${body.recipient}) told by ${labelOf("communicationChannel", body.channel).toLowerCase()}.`,
    authorMemberId: org.membershipId,
  });
  await audit({
    action: "incident.communication_recorded",
    entityType: "incident",
    entityId: incidentId,
    changes: { communication: { before: null, after: { id, ...body } } },
  });
  return loadIncidentDetail(tx, org.orgId, incidentId);
};

export const addIncidentLink: Handler<Routes["addIncidentLink"]> = async ({ tx, org, input, audit }) => {
  const { incidentId } = input.params;
  const { kind, targetId } = input.body;
  await findIncident(tx, org.orgId, incidentId, true);
  if (kind === "incident" && targetId === incidentId) {
    throw invalidField("body.targetId", "is this incident; link another record", "Linked record");
  }
  await checkLinkTarget(tx, org.orgId, { kind, id: targetId }, "targetId");
  const inserted = await tx
    .insertInto("incident_links")
    .values({
      id: randomUUID(),
      org_id: org.orgId,
      incident_id: incidentId,
      kind,
      target_id: targetId,
      created_by_member_id: org.membershipId,
    })
    .onConflict((oc) => oc.columns(["incident_id", "kind", "target_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) {
    await addTimelineEntry(tx, org.orgId, incidentId, {
      kind: "link",
      body: `Linked ${linkTargets[kind].entity.toLowerCase()}.`,
      authorMemberId: org.membershipId,
    });
    await audit({
      action: "incident.link_added",
      entityType: "incident",
      entityId: incidentId,
      changes: { link: { before: null, after: { id: inserted.id, kind, targetId } } },
    });
  }
  return loadIncidentDetail(tx, org.orgId, incidentId);
};

export const removeIncidentLink: Handler<Routes["removeIncidentLink"]> = async ({ tx, org, input, audit }) => {
  const { incidentId, incidentLinkId } = input.params;
  await findIncident(tx, org.orgId, incidentId, true);
  const removed = await tx
    .deleteFrom("incident_links")
    .where("org_id", "=", org.orgId)
    .where("incident_id", "=", incidentId)
    .where("id", "=", incidentLinkId)
    .returning(["kind", "target_id"])
    .executeTakeFirst();
  if (!removed) throw notFound("Incident link", incidentLinkId);
  await addTimelineEntry(tx, org.orgId, incidentId, {
    kind: "link",
    body: `Removed the link to a ${linkTargets[removed.kind as keyof typeof linkTargets].entity.toLowerCase()}.`,
    authorMemberId: org.membershipId,
  });
  await audit({
    action: "incident.link_removed",
    entityType: "incident",
    entityId: incidentId,
    changes: { link: { before: { id: incidentLinkId, kind: removed.kind, targetId: removed.target_id }, after: null } },
  });
  return loadIncidentDetail(tx, org.orgId, incidentId);
};
