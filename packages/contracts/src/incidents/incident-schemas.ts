import { z } from "zod";
import { EARLIEST_TIMESTAMP_MESSAGE, idSchema, notBefore1900, timestampSchema, versionSchema } from "../common.js";
import {
  communicationAudienceSchema,
  communicationChannelSchema,
  incidentLinkKindSchema,
  incidentSeveritySchema,
  incidentStatusSchema,
  incidentTimelineKindSchema,
} from "./incident-attributes.js";

export const incidentTitleSchema = z.string().trim().min(1, "needs a title").max(200);
export const incidentTextSchema = z.string().trim().max(10_000);
const momentSchema = z.iso
  .datetime({ offset: true, message: "must be a date and time such as 2026-05-01T09:30:00Z" })
  .refine(notBefore1900, EARLIEST_TIMESTAMP_MESSAGE);

const personSchema = z.object({ memberId: idSchema, name: z.string() }).nullable();

export const incidentSystemSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });

/** An incident as listed. */
export const incidentSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    severity: incidentSeveritySchema,
    status: incidentStatusSchema,
    detectedAt: timestampSchema,
    occurredAt: timestampSchema.nullable(),
    rootCause: z.string(),
    systems: z.array(incidentSystemSchema),
    /** Null when the system opened it (an alert rule) or it came from an anonymous concern. */
    reportedBy: personSchema,
    resolvedAt: timestampSchema.nullable(),
    closedAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Incident" });
export type Incident = z.infer<typeof incidentSchema>;

export const incidentTimelineEntrySchema = z
  .object({
    id: idSchema,
    kind: incidentTimelineKindSchema,
    body: z.string(),
    fromStatus: incidentStatusSchema.nullable(),
    toStatus: incidentStatusSchema.nullable(),
    author: personSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: "IncidentTimelineEntry" });
export type IncidentTimelineEntry = z.infer<typeof incidentTimelineEntrySchema>;

export const incidentCommunicationSchema = z
  .object({
    id: idSchema,
    audience: communicationAudienceSchema,
    recipient: z.string(),
    communicatedAt: timestampSchema,
    channel: communicationChannelSchema,
    summary: z.string(),
    recordedBy: personSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: "IncidentCommunication" });
export type IncidentCommunication = z.infer<typeof incidentCommunicationSchema>;

/** A link to another record; `ref` and `title` are empty when the record could not be read. */
export const incidentLinkSchema = z
  .object({
    id: idSchema,
    kind: incidentLinkKindSchema,
    targetId: idSchema,
    ref: z.string(),
    title: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: "IncidentLink" });
export type IncidentLink = z.infer<typeof incidentLinkSchema>;

/** A nonconformity raised from the incident, as the incident page lists it. */
export const incidentNonconformitySchema = z.object({
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  createdAt: timestampSchema,
});

export const incidentDetailSchema = incidentSchema
  .extend({
    timeline: z.array(incidentTimelineEntrySchema),
    communications: z.array(incidentCommunicationSchema),
    links: z.array(incidentLinkSchema),
    nonconformities: z.array(incidentNonconformitySchema),
    /** The statuses the incident may move to next. */
    nextStatuses: z.array(incidentStatusSchema),
  })
  .meta({ id: "IncidentDetail" });
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const incidentListQuerySchema = z.object({
  status: incidentStatusSchema.optional(),
  severity: incidentSeveritySchema.optional(),
  systemId: idSchema.optional(),
  /** Incidents linked to this alert, e.g. the one an alert opened. */
  alertId: idSchema.optional(),
});

const linkRefSchema = z.object({ kind: incidentLinkKindSchema, id: idSchema });

export const createIncidentRequestSchema = z.object({
  title: incidentTitleSchema,
  description: incidentTextSchema.default(""),
  severity: incidentSeveritySchema,
  detectedAt: momentSchema.optional(),
  occurredAt: momentSchema.nullable().optional(),
  systemIds: z.array(idSchema).max(50).default([]),
  /** Alerts the incident is opened from: each is linked and its system becomes affected. */
  alertIds: z.array(idSchema).max(50).default([]),
  links: z.array(linkRefSchema).max(50).default([]),
});
export type CreateIncidentRequest = z.input<typeof createIncidentRequestSchema>;

export const updateIncidentRequestSchema = z.object({
  version: versionSchema,
  title: incidentTitleSchema.optional(),
  description: incidentTextSchema.optional(),
  severity: incidentSeveritySchema.optional(),
  detectedAt: momentSchema.optional(),
  occurredAt: momentSchema.nullable().optional(),
  rootCause: incidentTextSchema.optional(),
  systemIds: z.array(idSchema).max(50).optional(),
});
export type UpdateIncidentRequest = z.input<typeof updateIncidentRequestSchema>;

export const transitionIncidentRequestSchema = z.object({
  to: incidentStatusSchema,
  version: versionSchema,
  /** What was done, written to the timeline with the status change. */
  note: incidentTextSchema.default(""),
});

export const addTimelineEntryRequestSchema = z.object({
  body: z.string().trim().min(1, "needs some text").max(10_000),
});

export const addCommunicationRequestSchema = z.object({
  audience: communicationAudienceSchema,
  recipient: z.string().trim().min(1, "needs who was told").max(300),
  communicatedAt: momentSchema,
  channel: communicationChannelSchema,
  summary: z.string().trim().min(1, "needs what was said").max(10_000),
});

export const addIncidentLinkRequestSchema = z.object({ kind: incidentLinkKindSchema, targetId: idSchema });
