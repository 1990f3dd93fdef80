import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { archivedFilterSchema, calendarDateSchema, recordStatusSchema } from "../inventory/inventory-fields.js";
import { auditFrequencySchema, internalAuditStatuses } from "./internal-audit-attributes.js";

const memberRefSchema = z.object({ memberId: idSchema, name: z.string() });

export const auditTitleSchema = z.string().trim().min(1, "needs a title").max(200);
/** Free text of a programme or audit: objectives, methods, criteria, a conclusion. */
export const auditTextSchema = z.string().trim().max(5000);

const periodEndsAfterStart = (value: { periodStart?: string | undefined; periodEnd?: string | undefined }) =>
  !value.periodStart || !value.periodEnd || value.periodEnd >= value.periodStart;
const periodIssue = { message: "must be on or after the period start", path: ["periodEnd"] };

/** An internal audit programme (clause 9.2.2): the audits planned for one period and how they are run. */
export const auditProgrammeSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    frequency: auditFrequencySchema,
    objectives: z.string(),
    methods: z.string(),
    responsibilities: z.string(),
    reporting: z.string(),
    status: recordStatusSchema,
    archiveReason: z.string().nullable(),
    /** How many audits the frequency calls for over the period, e.g. 4 for a quarterly programme over a year. */
    expectedAudits: z.number().int(),
    /** Audits of this programme by status; cancelled ones do not count towards the expected number. */
    auditCounts: z.record(z.enum(internalAuditStatuses), z.number().int()),
    createdBy: memberRefSchema.nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "AuditProgramme" });
export type AuditProgramme = z.infer<typeof auditProgrammeSchema>;

export const auditProgrammeListQuerySchema = z.object({
  archived: archivedFilterSchema.default("false"),
});

export const createAuditProgrammeRequestSchema = z
  .object({
    title: auditTitleSchema,
    periodStart: calendarDateSchema,
    periodEnd: calendarDateSchema,
    frequency: auditFrequencySchema,
    objectives: auditTextSchema.default(""),
    methods: auditTextSchema.default(""),
    responsibilities: auditTextSchema.default(""),
    reporting: auditTextSchema.default(""),
  })
  .refine(periodEndsAfterStart, periodIssue);

export const updateAuditProgrammeRequestSchema = z
  .object({
    version: versionSchema,
    title: auditTitleSchema.optional(),
    periodStart: calendarDateSchema.optional(),
    periodEnd: calendarDateSchema.optional(),
    frequency: auditFrequencySchema.optional(),
    objectives: auditTextSchema.optional(),
    methods: auditTextSchema.optional(),
    responsibilities: auditTextSchema.optional(),
    reporting: auditTextSchema.optional(),
  })
  .refine(periodEndsAfterStart, periodIssue);
