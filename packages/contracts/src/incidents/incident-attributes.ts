import { z } from "zod";

/** Where an incident stands, in the order it is handled. */
export const incidentStatuses = ["reported", "triaged", "contained", "resolved", "closed"] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

/** How bad an incident is, least first. */
export const incidentSeverities = ["low", "medium", "high", "critical"] as const;
export const incidentSeveritySchema = z.enum(incidentSeverities, {
  message: "Choose a severity: low, medium, high or critical.",
});
export type IncidentSeverity = z.infer<typeof incidentSeveritySchema>;

/** The records an incident can point at: an alert link means the incident was opened from or is about that alert. */
export const incidentLinkKinds = ["risk", "change", "alert", "nonconformity", "corrective_action", "incident"] as const;
export const incidentLinkKindSchema = z.enum(incidentLinkKinds, {
  message: "Choose what to link: a risk, change, alert, nonconformity, corrective action or incident.",
});
export type IncidentLinkKind = z.infer<typeof incidentLinkKindSchema>;

/** What a timeline entry records. */
export const incidentTimelineKinds = ["note", "status_change", "communication", "link"] as const;
export const incidentTimelineKindSchema = z.enum(incidentTimelineKinds);
export type IncidentTimelineKind = z.infer<typeof incidentTimelineKindSchema>;

/** Who was told about an incident. */
export const communicationAudiences = ["customers", "regulators", "authorities", "partners", "staff", "other"] as const;
export const communicationAudienceSchema = z.enum(communicationAudiences, {
  message: "Choose who was told: customers, regulators, authorities, partners, staff or other.",
});
export type CommunicationAudience = z.infer<typeof communicationAudienceSchema>;

/** How they were told. */
export const communicationChannels = ["email", "phone", "letter", "meeting", "website", "portal", "other"] as const;
export const communicationChannelSchema = z.enum(communicationChannels, {
  message: "Choose a channel: email, phone, letter, meeting, website, portal or other.",
});
export type CommunicationChannel = z.infer<typeof communicationChannelSchema>;
