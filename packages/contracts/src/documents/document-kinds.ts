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
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const documentStatuses = ["draft", "in_review", "approved", "retired"] as const;
export const documentStatusSchema = z.enum(documentStatuses);
