import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { calendarDateSchema } from "../inventory/inventory-fields.js";
import {
  improvementStatusSchema,
  nonconformitySeveritySchema,
  nonconformityStatusSchema,
} from "../nonconformities/nonconformity-attributes.js";
import { auditProgrammeSchema, auditTextSchema, auditTitleSchema } from "./audit-programme-schemas.js";
import {
  auditedRecordKindSchema,
  auditedRecordRelations,
  auditResultSchema,
  auditResults,
  auditTeamRoles,
  checklistRequirementKindSchema,
  internalAuditStatusSchema,
} from "./internal-audit-attributes.js";

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });
/** A member of the audit team, with their user id so a page can tell whether the reader is on the team. */
const teamMemberSchema = memberRefSchema.extend({ userId: idSchema });
const recordRefSchema = z.object({ id: idSchema, ref: z.string() });

/** A clause id ("6.1.2") or Annex A control id ("A.6.2.4"); the server checks it against the catalogue. */
const requirementIdSchema = z.string().trim().min(1).max(20);

/** What an audit covers. Empty clause and control lists mean the whole standard: every clause and control. */
export const auditScopeRequestSchema = z.object({
  /** Clause ids of clauses 4–10; a clause with sub-clauses ("9.2") brings all of them. */
  clauseIds: z.array(requirementIdSchema).max(43, "at most the 43 clause ids").default([]),
  /** Annex A control ids. */
  controlIds: z.array(requirementIdSchema).max(38, "at most the 38 Annex A controls").default([]),
  /** AI systems of the organisation the audit looks at. */
  systemIds: z.array(idSchema).max(200, "at most 200 AI systems").default([]),
  /** Processes in words, e.g. "supplier onboarding". */
  processes: z.array(z.string().trim().min(1, "needs some words").max(200)).max(30, "at most 30 processes").default([]),
});

export const auditScopeSchema = z.object({
  clauseIds: z.array(z.string()),
  controlIds: z.array(z.string()),
  systems: z.array(z.object({ id: idSchema, slug: z.string(), name: z.string() })),
  processes: z.array(z.string()),
});
export type AuditScope = z.infer<typeof auditScopeSchema>;

/** How far the checklist is answered, and the results so far. */
export const auditProgressSchema = z.object({
  answered: z.number().int(),
  total: z.number().int(),
  counts: z.record(z.enum(auditResults), z.number().int()),
});
export type AuditProgress = z.infer<typeof auditProgressSchema>;

/** An internal audit as listed. */
export const internalAuditSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    programme: z.object({ id: idSchema, ref: z.string(), title: z.string() }).nullable(),
    scope: auditScopeSchema,
    criteria: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    lead: teamMemberSchema.nullable(),
    auditors: z.array(teamMemberSchema),
    status: internalAuditStatusSchema,
    /** The steps the audit may take next. */
    nextStatuses: z.array(internalAuditStatusSchema),
    conclusion: z.string(),
    startedAt: timestampSchema.nullable(),
    closedAt: timestampSchema.nullable(),
    progress: auditProgressSchema,
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "InternalAudit" });
export type InternalAudit = z.infer<typeof internalAuditSchema>;

/** One requirement on an audit's checklist, with its procedure, pass criterion and result. */
export const checklistItemSchema = z
  .object({
    id: idSchema,
    auditId: idSchema,
    position: z.number().int(),
    requirementKind: checklistRequirementKindSchema,
    /** "4.1", "9.2.2", "A.6.2.4" … */
    requirementId: z.string(),
    title: z.string(),
    /** What to inspect, whom to interview, what to sample. */
    procedure: z.string(),
    /** What the auditor judges the result against. */
    passCriterion: z.string(),
    assignee: memberRefSchema.nullable(),
    result: auditResultSchema.nullable(),
    notes: z.string(),
    samples: z.string(),
    answeredBy: memberRefSchema.nullable(),
    answeredAt: timestampSchema.nullable(),
    evidence: z.array(z.object({ id: idSchema, ref: z.string(), title: z.string() })),
    /** The nonconformity raised from a minor or major result, once. */
    nonconformity: recordRefSchema.extend({ status: nonconformityStatusSchema }).nullable(),
    /** The improvement logged from an opportunity, once. */
    improvement: recordRefSchema.extend({ status: improvementStatusSchema }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: "AuditChecklistItem" });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** A record an auditor owns or is assigned among those the audit looks at. */
export const auditedRecordSchema = z.object({
  kind: auditedRecordKindSchema,
  id: idSchema,
  ref: z.string(),
  title: z.string(),
  relation: z.enum(auditedRecordRelations),
});
export type AuditedRecord = z.infer<typeof auditedRecordSchema>;

/** An auditor who would audit their own area; shown as a warning, never a refusal. */
export const independenceWarningSchema = z.object({
  auditor: memberRefSchema,
  teamRole: z.enum(auditTeamRoles),
  records: z.array(auditedRecordSchema),
  message: z.string(),
});
export type IndependenceWarning = z.infer<typeof independenceWarningSchema>;

/** An audit with its checklist, independence warnings and what it raised. */
export const internalAuditDetailSchema = internalAuditSchema
  .extend({
    items: z.array(checklistItemSchema),
    independenceWarnings: z.array(independenceWarningSchema),
    nonconformities: z.array(
      recordRefSchema.extend({
        itemId: idSchema,
        title: z.string(),
        severity: nonconformitySeveritySchema,
        status: nonconformityStatusSchema,
      }),
    ),
    improvements: z.array(
      recordRefSchema.extend({ itemId: idSchema, title: z.string(), status: improvementStatusSchema }),
    ),
  })
  .meta({ id: "InternalAuditDetail" });
export type InternalAuditDetail = z.infer<typeof internalAuditDetailSchema>;

/** A programme with its audits, in planned order. */
export const auditProgrammeDetailSchema = auditProgrammeSchema
  .extend({ audits: z.array(internalAuditSchema) })
  .meta({ id: "AuditProgrammeDetail" });
export type AuditProgrammeDetail = z.infer<typeof auditProgrammeDetailSchema>;

export const internalAuditListQuerySchema = z.object({
  status: internalAuditStatusSchema.optional(),
  programmeId: idSchema.optional(),
  /** Audits whose scope names this AI system. */
  systemId: idSchema.optional(),
});

const datesInOrder = (value: { plannedStart?: string | undefined; plannedEnd?: string | undefined }) =>
  !value.plannedStart || !value.plannedEnd || value.plannedEnd >= value.plannedStart;
const datesIssue = { message: "must be on or after the planned start", path: ["plannedEnd"] };

const auditorIdsSchema = z.array(idSchema).max(20, "at most 20 auditors besides the lead");

export const createInternalAuditRequestSchema = z
  .object({
    title: auditTitleSchema,
    /** The programme the audit is planned under; none for an audit on its own. */
    programmeId: idSchema.nullable().default(null),
    scope: auditScopeRequestSchema.default({ clauseIds: [], controlIds: [], systemIds: [], processes: [] }),
    /** Empty takes the default: ISO/IEC 42001 and the organisation's AIMS documents. */
    criteria: auditTextSchema.default(""),
    plannedStart: calendarDateSchema,
    plannedEnd: calendarDateSchema,
    leadAuditorMemberId: idSchema,
    auditorMemberIds: auditorIdsSchema.default([]),
  })
  .refine(datesInOrder, datesIssue);

export const updateInternalAuditRequestSchema = z
  .object({
    version: versionSchema,
    title: auditTitleSchema.optional(),
    /** Clauses and controls can change only while the audit is planned; the checklist follows. */
    scope: auditScopeRequestSchema.optional(),
    criteria: auditTextSchema.optional(),
    plannedStart: calendarDateSchema.optional(),
    plannedEnd: calendarDateSchema.optional(),
    leadAuditorMemberId: idSchema.optional(),
    auditorMemberIds: auditorIdsSchema.optional(),
    conclusion: auditTextSchema.optional(),
  })
  .refine(datesInOrder, datesIssue);

export const transitionInternalAuditRequestSchema = z.object({
  version: versionSchema,
  to: internalAuditStatusSchema,
  /** Needed to close unless already written; for a cancellation, why it was cancelled. */
  conclusion: auditTextSchema.optional(),
});

export const updateChecklistItemRequestSchema = z.object({
  version: versionSchema,
  /** Null clears the answer. */
  result: auditResultSchema.nullable().optional(),
  notes: auditTextSchema.optional(),
  samples: auditTextSchema.optional(),
  assigneeMemberId: idSchema.nullable().optional(),
});

export const setItemEvidenceRequestSchema = z.object({
  version: versionSchema,
  /** The evidence records the result rests on; replaces the item's list. */
  evidenceIds: z.array(idSchema).max(50, "at most 50 evidence records per item"),
});

/** Raising from an item names the item's version, so a result changed meanwhile is not raised. */
export const raiseFromChecklistItemRequestSchema = z.object({ version: versionSchema });

export const raisedFromChecklistItemSchema = z
  .object({
    item: checklistItemSchema,
    /** The nonconformity or improvement created. */
    record: recordRefSchema,
  })
  .meta({ id: "RaisedFromChecklistItem" });

/** `?format=pdf` (the default) or `?format=xlsx`. */
export const auditReportQuerySchema = z.object({
  format: z.enum(["pdf", "xlsx"], { message: "must be pdf or xlsx" }).default("pdf"),
});
