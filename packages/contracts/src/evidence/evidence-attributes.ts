import { z } from "zod";

export const evidenceKinds = ["file", "link", "record"] as const;
export const evidenceKindSchema = z.enum(evidenceKinds);

/** Where a piece of evidence came from: a person, a program through the API, or one of our engines. */
export const evidenceSources = ["manual", "api", "engine"] as const;
export const evidenceSourceSchema = z.enum(evidenceSources);

/** What a piece of evidence can be linked to. */
export const evidenceTargetTypes = ["control", "clause", "risk", "system"] as const;
export const evidenceTargetTypeSchema = z.enum(evidenceTargetTypes);
