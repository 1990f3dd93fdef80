import { z } from "zod";

/** Kinds of controlled document; readiness looks for an approved one of the kind a clause expects. */
export const documentKinds = [
  "aims_scope",
  "ai_policy",
  "policy",
  "procedure",
  "risk_method",
  "objectives",
  "record",
  "other",
] as const;
export const documentKindSchema = z.enum(documentKinds, {
  message: `must be one of: ${documentKinds.join(", ")}`,
});
export type DocumentKind = z.infer<typeof documentKindSchema>;

/**
 * Status of a document as a whole: "approved" while an approved version is in force, otherwise the
 * status of its open version, and "retired" when nothing is in force or in progress.
 */
export const documentStatuses = ["draft", "in_review", "approved", "retired"] as const;
export const documentStatusSchema = z.enum(documentStatuses, {
  message: `must be one of: ${documentStatuses.join(", ")}`,
});
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** Status of one version. "superseded" marks an approved version replaced by a newer approval. */
export const documentVersionStatuses = ["draft", "in_review", "approved", "superseded", "retired"] as const;
export const documentVersionStatusSchema = z.enum(documentVersionStatuses);
export type DocumentVersionStatus = z.infer<typeof documentVersionStatusSchema>;

/** Starting texts a new document can be created from. */
export const documentTemplateIds = ["ai_policy", "ai_use_case_procedure"] as const;
export const documentTemplateIdSchema = z.enum(documentTemplateIds, {
  message: `must be one of: ${documentTemplateIds.join(", ")}`,
});
export type DocumentTemplateId = z.infer<typeof documentTemplateIdSchema>;

/** What can happen to a version; `supersede` happens only when a newer version is approved. */
export const documentVersionActions = ["submit", "request_changes", "approve", "supersede", "retire"] as const;
export type DocumentVersionAction = (typeof documentVersionActions)[number];
