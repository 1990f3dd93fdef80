import { z } from "zod";

export const controlKinds = ["annex_a", "custom"] as const;
export const controlKindSchema = z.enum(controlKinds);

export const implementationStatuses = ["not_started", "planned", "in_progress", "implemented"] as const;
export const implementationStatusSchema = z.enum(implementationStatuses);

/** Derived from linked evidence: none linked, at least one current, or all expired. */
export const evidenceStates = ["missing", "current", "expired"] as const;
export const evidenceStateSchema = z.enum(evidenceStates);
