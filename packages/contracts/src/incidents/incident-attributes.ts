import { z } from "zod";

/** Where an incident stands, in the order it is handled. */
export const incidentStatuses = ["reported", "triaged", "contained", "resolved", "closed"] as const;
export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;
