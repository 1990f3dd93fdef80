import { z } from "zod";

export const evidenceKinds = ["file", "link", "record"] as const;
export const evidenceKindSchema = z.enum(evidenceKinds, { message: "must be file, link or record" });
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** Where a piece of evidence came from: a person, a program through the API, or one of our engines. */
export const evidenceSources = ["manual", "api", "engine"] as const;
export const evidenceSourceSchema = z.enum(evidenceSources, { message: "must be manual, api or engine" });
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>;

/** What a piece of evidence can be linked to. */
export const evidenceTargetTypes = ["control", "clause", "risk", "system", "asset"] as const;
export const evidenceTargetTypeSchema = z.enum(evidenceTargetTypes, {
  message: "must be control, clause, risk, system or asset",
});
export type EvidenceTargetType = z.infer<typeof evidenceTargetTypeSchema>;

/** Whether a piece of evidence is still valid; "expiring" is current but ends within the warning period. */
export const evidenceValidityStates = ["current", "expiring", "expired"] as const;
export const evidenceValidityStateSchema = z.enum(evidenceValidityStates, {
  message: "must be current, expiring or expired",
});
export type EvidenceValidityState = z.infer<typeof evidenceValidityStateSchema>;

/** Why evidence expires when it does: a date someone set, its controls' freshness periods, or never. */
export const validityBases = ["explicit", "control_freshness", "none"] as const;
export const validityBasisSchema = z.enum(validityBases);

/** The largest evidence file the API accepts, in bytes (25 MiB). */
export const EVIDENCE_FILE_MAX_BYTES = 25 * 1024 * 1024;
