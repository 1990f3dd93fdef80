import { z } from "zod";
import { idSchema, reasonSchema, timestampSchema } from "../common.js";
import { incidentSeveritySchema } from "./incident-attributes.js";

/** Where a concern stands in the triage queue. */
export const concernStatuses = ["new", "became_incident", "became_risk", "closed"] as const;
export const concernStatusSchema = z.enum(concernStatuses, {
  message: "Choose a status: new, became an incident, became a risk or closed.",
});
export type ConcernStatus = z.infer<typeof concernStatusSchema>;

/** How a concern arrived: from a signed-in member, or through the anonymous link. */
export const concernChannels = ["member", "anonymous"] as const;
export const concernChannelSchema = z.enum(concernChannels);
export type ConcernChannel = z.infer<typeof concernChannelSchema>;

const descriptionSchema = z.string().trim().min(10, "needs a few words on what happened").max(10_000);
const contactSchema = z.string().trim().max(500).default("");

export const concernSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    description: z.string(),
    system: z.object({ id: idSchema, name: z.string() }).nullable(),
    /** The system as the reporter named it, when they could not choose one. */
    systemName: z.string(),
    contactPreference: z.string(),
    channel: concernChannelSchema,
    /** Null for anonymous concerns. */
    reportedBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    status: concernStatusSchema,
    incident: z.object({ id: idSchema, ref: z.string() }).nullable(),
    risk: z.object({ id: idSchema, ref: z.string() }).nullable(),
    closedReason: z.string().nullable(),
    triagedBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    triagedAt: timestampSchema.nullable(),
    createdAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Concern" });
export type Concern = z.infer<typeof concernSchema>;

export const concernListQuerySchema = z.object({ status: concernStatusSchema.optional() });

export const reportConcernRequestSchema = z.object({
  description: descriptionSchema,
  systemId: idSchema.nullable().default(null),
  contactPreference: contactSchema,
});
export type ReportConcernRequest = z.input<typeof reportConcernRequestSchema>;

/** A member's own receipt: the reference to quote when asking about it. */
export const concernReceiptSchema = z
  .object({ status: z.literal("received"), receipt: z.string() })
  .meta({ id: "ConcernReceipt" });
export type ConcernReceipt = z.infer<typeof concernReceiptSchema>;

export const concernToIncidentRequestSchema = z.object({
  title: z.string().trim().min(1, "needs a title").max(200),
  severity: incidentSeveritySchema,
});

export const concernToRiskRequestSchema = z.object({
  title: z.string().trim().min(1, "needs a title").max(200),
});

export const closeConcernRequestSchema = z.object({ reason: reasonSchema });

/** The random part of an anonymous concern link. */
export const concernLinkTokenSchema = z
  .string()
  .trim()
  .min(20, "is not a complete link; copy the whole link you were given")
  .max(200, "is not a link this organisation handed out");

/** Whether the anonymous link is on. The link itself is shown only when created or rotated. */
export const concernLinkStatusSchema = z
  .object({ enabled: z.boolean(), createdAt: timestampSchema.nullable() })
  .meta({ id: "ConcernLinkStatus" });

export const concernLinkCreatedSchema = z
  .object({ enabled: z.literal(true), createdAt: timestampSchema, token: z.string(), path: z.string() })
  .meta({ id: "ConcernLinkCreated" });

export const anonymousConcernQuerySchema = z.object({ token: concernLinkTokenSchema });

/** What the public page learns about a link: only whether it takes reports, and for which organisation. */
export const anonymousConcernLinkSchema = z
  .object({ organizationName: z.string() })
  .meta({ id: "AnonymousConcernLink" });

export const anonymousConcernRequestSchema = z.object({
  token: concernLinkTokenSchema,
  description: descriptionSchema,
  /** Which AI system, if the reporter knows. */
  systemName: z.string().trim().max(200).default(""),
  contactPreference: contactSchema,
});
