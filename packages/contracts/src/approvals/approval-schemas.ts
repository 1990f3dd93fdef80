import { z } from "zod";
import { idSchema } from "../common.js";

/** Every kind of approval; segregation of duties applies to each the same way. */
export const approvalKinds = [
  "document_version",
  "impact_assessment",
  "soa",
  "risk_acceptance",
  "change",
  "gate_override",
  "nonconformity_check",
  "agent_policy_version",
] as const;
export type ApprovalKind = (typeof approvalKinds)[number];

export const approvalCheckQuerySchema = z.object({
  kind: z.enum(approvalKinds),
  /** The document version, impact assessment revision or risk; none for the Statement of Applicability. */
  id: idSchema.optional(),
});

/** Whether the caller may approve the record under segregation of duties, and if not, why in plain words. */
export const approvalCheckSchema = z
  .object({
    mayApprove: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: "ApprovalCheck" });
export type ApprovalCheck = z.infer<typeof approvalCheckSchema>;
