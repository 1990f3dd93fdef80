import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  anonymousConcernLinkSchema,
  anonymousConcernQuerySchema,
  anonymousConcernRequestSchema,
  closeConcernRequestSchema,
  concernLinkCreatedSchema,
  concernLinkStatusSchema,
  concernListQuerySchema,
  concernReceiptSchema,
  concernSchema,
  concernToIncidentRequestSchema,
  concernToRiskRequestSchema,
  reportConcernRequestSchema,
} from "./concern-schemas.js";
import {
  addCommunicationRequestSchema,
  addIncidentLinkRequestSchema,
  addTimelineEntryRequestSchema,
  createIncidentRequestSchema,
  incidentDetailSchema,
  incidentListQuerySchema,
  incidentSchema,
  transitionIncidentRequestSchema,
  updateIncidentRequestSchema,
} from "./incident-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const incidentParams = z.object({ orgId: idSchema, incidentId: idSchema });
const linkParams = z.object({ orgId: idSchema, incidentId: idSchema, incidentLinkId: idSchema });
const concernParams = z.object({ orgId: idSchema, concernId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
/** Concerns may be about colleagues, so the queue and the anonymous link are for those who triage them. */
const triage = { kind: "org", permission: "concerns.manage" } as const;
const tag = "incidents";

/** An incident route that changes it and answers with the whole incident. */
function incidentAction<const P extends string, const B extends z.ZodType>(path: P, summary: string, body: B) {
  return defineRoute({
    method: "POST",
    path: `/api/v1/orgs/:orgId/incidents/:incidentId/${path}`,
    summary,
    tag,
    access: write,
    write: true,
    params: incidentParams,
    body,
    response: incidentDetailSchema,
  });
}

/** Routes of incidents (timeline, communications, links) and concerns, including the anonymous link. */
export const incidentRoutes = {
  listIncidents: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/incidents",
    summary: "List incidents, newest first, by status, severity, AI system or linked alert",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(incidentListQuerySchema.shape),
    response: pageSchema(incidentSchema),
  }),
  createIncident: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/incidents",
    summary: "Report an incident, optionally from alerts (linked, their systems affected)",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createIncidentRequestSchema,
    response: incidentDetailSchema,
    status: 201,
  }),
  getIncident: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/incidents/:incidentId",
    summary: "Read an incident with its timeline, communications, links and nonconformities",
    tag,
    access: read,
    write: false,
    params: incidentParams,
    response: incidentDetailSchema,
  }),
  updateIncident: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/incidents/:incidentId",
    summary: "Change an incident's facts, root cause or affected systems",
    tag,
    access: write,
    write: true,
    params: incidentParams,
    body: updateIncidentRequestSchema,
    response: incidentDetailSchema,
  }),
  transitionIncident: incidentAction(
    "transition",
    "Move an incident to its next status; the timeline records the step",
    transitionIncidentRequestSchema,
  ),
  addIncidentTimelineEntry: incidentAction(
    "timeline",
    "Add a note to an incident's timeline",
    addTimelineEntryRequestSchema,
  ),
  addIncidentCommunication: incidentAction(
    "communications",
    "Record what was told to customers, regulators or other interested parties",
    addCommunicationRequestSchema,
  ),
  addIncidentLink: incidentAction(
    "links",
    "Link a risk, change, alert, nonconformity, corrective action or incident of this organisation",
    addIncidentLinkRequestSchema,
  ),
  removeIncidentLink: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/incidents/:incidentId/links/:incidentLinkId/remove",
    summary: "Remove a link from an incident",
    tag,
    access: write,
    write: true,
    params: linkParams,
    response: incidentDetailSchema,
  }),

  reportConcern: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/concerns",
    summary: "Report a concern about an AI system or its use; any member may",
    tag,
    access: { kind: "org", permission: "org.read" },
    write: true,
    params: orgParams,
    body: reportConcernRequestSchema,
    response: concernReceiptSchema,
    status: 201,
  }),
  listConcerns: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/concerns",
    summary: "The concern triage queue, newest first",
    tag,
    access: triage,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(concernListQuerySchema.shape),
    response: pageSchema(concernSchema),
  }),
  raiseIncidentFromConcern: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/concerns/:concernId/incident",
    summary: "Triage a concern into an incident linked to it",
    tag,
    access: triage,
    write: true,
    params: concernParams,
    body: concernToIncidentRequestSchema,
    response: concernSchema,
  }),
  raiseRiskFromConcern: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/concerns/:concernId/risk",
    summary: "Triage a concern into a risk in the register",
    tag,
    access: triage,
    write: true,
    params: concernParams,
    body: concernToRiskRequestSchema,
    response: concernSchema,
  }),
  closeConcern: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/concerns/:concernId/close",
    summary: "Close a concern with a reason",
    tag,
    access: triage,
    write: true,
    params: concernParams,
    body: closeConcernRequestSchema,
    response: concernSchema,
  }),

  getConcernLink: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/concern-link",
    summary: "Whether the organisation's anonymous concern link is on",
    tag,
    access: triage,
    write: false,
    params: orgParams,
    response: concernLinkStatusSchema,
  }),
  enableConcernLink: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/concern-link",
    summary: "Turn on the anonymous concern link, or replace it with a new one; the link is shown only now",
    tag,
    access: triage,
    write: true,
    params: orgParams,
    response: concernLinkCreatedSchema,
  }),
  disableConcernLink: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/concern-link/disable",
    summary: "Turn off the anonymous concern link",
    tag,
    access: triage,
    write: true,
    params: orgParams,
    response: concernLinkStatusSchema,
  }),
  checkAnonymousConcernLink: defineRoute({
    method: "GET",
    path: "/api/v1/public/concern-link",
    summary: "Whether an anonymous concern link takes reports, without signing in",
    tag,
    access: { kind: "public" },
    write: false,
    query: anonymousConcernQuerySchema,
    response: anonymousConcernLinkSchema,
  }),
  submitAnonymousConcern: defineRoute({
    method: "POST",
    path: "/api/v1/public/concerns",
    summary: "Report a concern anonymously through an organisation's link; keeps no identity or address",
    tag,
    access: { kind: "public" },
    write: true,
    body: anonymousConcernRequestSchema,
    response: concernReceiptSchema,
    status: 201,
  }),
} as const;
