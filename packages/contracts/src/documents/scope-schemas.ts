import { z } from "zod";
import { idSchema } from "../common.js";

const required = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const optionalText = (max: number) => z.string().trim().max(max).default("");

/** An internal or external issue that affects what the AIMS must achieve (4.1). */
export const scopeIssueSchema = z.object({
  title: required(300),
  detail: optionalText(2000),
});
export type ScopeIssue = z.infer<typeof scopeIssueSchema>;

/** Someone with a stake in the organisation's AI, and what they expect from it (4.2). */
export const interestedPartySchema = z.object({
  name: required(300),
  needs: required(2000),
  /** Whether the AIMS takes this need on; if not, the reason goes in `howAddressed`. */
  addressedThroughAims: z.boolean(),
  howAddressed: optionalText(2000),
});
export type InterestedParty = z.infer<typeof interestedPartySchema>;

/** Something left out of the AIMS, always with the reason. */
export const scopeExclusionSchema = z.object({
  item: required(300),
  reason: z.string().trim().min(3, "give the reason it is excluded").max(2000),
});
export type ScopeExclusion = z.infer<typeof scopeExclusionSchema>;

/** The structured content of one version of the AIMS scope (4.1–4.4). */
export const scopeContentSchema = z.object({
  internalIssues: z.array(scopeIssueSchema).max(100).default([]),
  externalIssues: z.array(scopeIssueSchema).max(100).default([]),
  interestedParties: z.array(interestedPartySchema).max(100).default([]),
  /** What the AIMS covers, in one or a few sentences. */
  statement: optionalText(10_000),
  /** Organisational, physical and technical boundaries, and where the AIMS applies. */
  boundaries: optionalText(10_000),
  exclusions: z.array(scopeExclusionSchema).max(100).default([]),
  /** AI systems of the inventory that the AIMS covers. */
  systemIds: z.array(idSchema).max(500).default([]),
});
export type ScopeContent = z.infer<typeof scopeContentSchema>;

const scopeTitleSchema = z.string().trim().min(1, "must not be empty").max(200);

export const createScopeRequestSchema = z.object({
  title: scopeTitleSchema.default("AIMS scope"),
  ownerMemberId: idSchema.nullable().optional(),
  content: scopeContentSchema,
  changeSummary: z.string().trim().max(2000).default("First draft"),
  approverMemberIds: z.array(idSchema).max(20, "name at most 20 approvers").default([]),
});

export const updateScopeDraftRequestSchema = z.object({
  content: scopeContentSchema.optional(),
  changeSummary: z.string().trim().max(2000).optional(),
  approverMemberIds: z.array(idSchema).max(20, "name at most 20 approvers").optional(),
  effectiveDate: z.iso.date({ message: "must be a date written YYYY-MM-DD" }).nullable().optional(),
  nextReviewDate: z.iso.date({ message: "must be a date written YYYY-MM-DD" }).nullable().optional(),
  /** Version of the draft. */
  version: z.number().int().min(1),
});
