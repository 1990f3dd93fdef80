import { z } from "zod";

/** How often the programme means audits to take place in its period. */
export const auditFrequencies = ["monthly", "quarterly", "semiannual", "annual"] as const;
export const auditFrequencySchema = z.enum(auditFrequencies, {
  message: "must be monthly, quarterly, semiannual or annual",
});
export type AuditFrequency = z.infer<typeof auditFrequencySchema>;

/**
 * Where an internal audit stands: planned, fieldwork under way (in_progress), results being written up
 * (reporting), closed with a conclusion, or cancelled before it was finished.
 */
export const internalAuditStatuses = ["planned", "in_progress", "reporting", "closed", "cancelled"] as const;
export const internalAuditStatusSchema = z.enum(internalAuditStatuses, {
  message: "must be planned, in_progress, reporting, closed or cancelled",
});
export type InternalAuditStatus = z.infer<typeof internalAuditStatusSchema>;

/**
 * The steps an audit may take: start fieldwork or cancel a planned audit; move fieldwork to reporting or
 * cancel it; go back to fieldwork from reporting (to answer what is still open) or close it. Closed and
 * cancelled audits stay as they are.
 */
export const internalAuditSteps: Readonly<Record<InternalAuditStatus, readonly InternalAuditStatus[]>> = {
  planned: ["in_progress", "cancelled"],
  in_progress: ["reporting", "cancelled"],
  reporting: ["closed", "in_progress"],
  closed: [],
  cancelled: [],
};

/** The finding recorded against one checklist item. */
export const auditResults = ["conforming", "minor_nc", "major_nc", "observation", "opportunity"] as const;
export const auditResultSchema = z.enum(auditResults, {
  message: "must be conforming, minor_nc, major_nc, observation or opportunity",
});
export type AuditResult = z.infer<typeof auditResultSchema>;

/** Whether a checklist item audits a clause requirement (4–10) or an Annex A control. */
export const checklistRequirementKinds = ["clause", "annex_a"] as const;
export const checklistRequirementKindSchema = z.enum(checklistRequirementKinds);
export type ChecklistRequirementKind = z.infer<typeof checklistRequirementKindSchema>;

/** The records an auditor may own or be assigned, which would make them audit their own work. */
export const auditedRecordKinds = [
  "ai_system",
  "control",
  "document",
  "risk",
  "treatment_action",
  "corrective_action",
] as const;
export const auditedRecordKindSchema = z.enum(auditedRecordKinds);
export type AuditedRecordKind = z.infer<typeof auditedRecordKindSchema>;

/** How an auditor is tied to an audited record. */
export const auditedRecordRelations = ["owner", "assignee"] as const;
export type AuditedRecordRelation = (typeof auditedRecordRelations)[number];

/** An auditor's place on an audit team. */
export const auditTeamRoles = ["lead", "auditor"] as const;
export type AuditTeamRole = (typeof auditTeamRoles)[number];
