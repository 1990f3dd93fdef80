import { z } from "zod";
import { idSchema, roleSchema, timestampSchema, versionSchema } from "../common.js";
import { aimsProcessSchema } from "../documents/responsibility-schemas.js";
import { calendarDateSchema } from "../inventory/inventory-fields.js";
import { competenceAppliesToKindSchema, trainingValiditySchema } from "./competence-attributes.js";

const competenceSchema = z.string().trim().min(1, "says what the person must be able to do").max(2000);
/** A course name: what a training record must name to meet the requirement (case and spaces aside). */
export const courseSchema = z.string().trim().min(1, "needs the name of the course").max(200);
const renewalMonthsSchema = z
  .number()
  .int("must be a whole number of months")
  .min(1, "must be at least 1 month")
  .max(120, "must be at most 120 months (ten years)");
const archivedFilterSchema = z
  .enum(["active", "archived", "all"], { message: "must be active, archived or all" })
  .default("active");

/** A competence required of everyone holding a role or an AIMS responsibility, and the course that meets it. */
export const competenceRequirementSchema = z
  .object({
    id: idSchema,
    appliesToKind: competenceAppliesToKindSchema,
    /** The role (owner, admin …) or the AIMS process key (risk_management …). */
    appliesTo: z.string(),
    competence: z.string(),
    course: z.string(),
    /** How long a completion counts; null: it does not expire. */
    renewalMonths: z.number().int().nullable(),
    archived: z.boolean(),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "CompetenceRequirement" });
export type CompetenceRequirement = z.infer<typeof competenceRequirementSchema>;

const requirementFields = {
  competence: competenceSchema,
  course: courseSchema,
  renewalMonths: renewalMonthsSchema.nullable().default(null),
};

export const createCompetenceRequirementRequestSchema = z.discriminatedUnion(
  "appliesToKind",
  [
    z.object({ appliesToKind: z.literal("role"), appliesTo: roleSchema, ...requirementFields }),
    z.object({ appliesToKind: z.literal("responsibility"), appliesTo: aimsProcessSchema, ...requirementFields }),
  ],
  { message: "appliesToKind must be role or responsibility" },
);
export type CreateCompetenceRequirementRequest = z.input<typeof createCompetenceRequirementRequestSchema>;

export const updateCompetenceRequirementRequestSchema = z.object({
  version: versionSchema,
  competence: competenceSchema.optional(),
  course: courseSchema.optional(),
  renewalMonths: renewalMonthsSchema.nullable().optional(),
});

export const competenceRequirementListQuerySchema = z.object({
  appliesToKind: competenceAppliesToKindSchema.optional(),
  appliesTo: z.string().trim().max(100).optional(),
  archived: archivedFilterSchema,
});

/** A completed training of one member. */
export const trainingRecordSchema = z
  .object({
    id: idSchema,
    member: z.object({ id: idSchema, name: z.string(), email: z.string() }),
    course: z.string(),
    provider: z.string(),
    completedOn: z.string(),
    /** The first day it no longer counts; null: it does not expire. */
    expiresOn: z.string().nullable(),
    validity: trainingValiditySchema,
    evidence: z.object({ id: idSchema, ref: z.string(), title: z.string() }).nullable(),
    notes: z.string(),
    recordedBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    archived: z.boolean(),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "TrainingRecord" });
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

const providerSchema = z.string().trim().max(200);
const notesSchema = z.string().trim().max(2000);
const expiryAfterCompletion = {
  path: ["expiresOn"],
  message: "must be after the completion date",
};
const expiresAfterCompleted = (v: { completedOn?: string | undefined; expiresOn?: string | null | undefined }) =>
  !v.completedOn || !v.expiresOn || v.expiresOn > v.completedOn;

export const createTrainingRecordRequestSchema = z
  .object({
    memberId: idSchema,
    course: courseSchema,
    provider: providerSchema.default(""),
    completedOn: calendarDateSchema,
    /** Left out: the completion date plus the renewal months of a requirement for this course (if any). Null: never. */
    expiresOn: calendarDateSchema.nullable().optional(),
    evidenceId: idSchema.nullable().default(null),
    notes: notesSchema.default(""),
  })
  .refine(expiresAfterCompleted, expiryAfterCompletion);
export type CreateTrainingRecordRequest = z.input<typeof createTrainingRecordRequestSchema>;

export const updateTrainingRecordRequestSchema = z
  .object({
    version: versionSchema,
    course: courseSchema.optional(),
    provider: providerSchema.optional(),
    completedOn: calendarDateSchema.optional(),
    expiresOn: calendarDateSchema.nullable().optional(),
    evidenceId: idSchema.nullable().optional(),
    notes: notesSchema.optional(),
  })
  .refine(expiresAfterCompleted, expiryAfterCompletion);

export const trainingRecordListQuerySchema = z.object({
  memberId: idSchema.optional(),
  /** The course name, ignoring case. */
  course: z.string().trim().max(200).optional(),
  /** current, expiring within 30 days, or expired (today). */
  validity: trainingValiditySchema.optional(),
  archived: archivedFilterSchema,
});

/** One row of a training records file, after the member's e-mail is looked up (columns as the file names them). */
export const trainingImportRowSchema = z
  .object({
    course: courseSchema,
    provider: providerSchema,
    completed: z.iso.date({ message: "must be a date written as YYYY-MM-DD" }),
    expires: z.iso.date({ message: "must be a date written as YYYY-MM-DD, or empty" }).nullable(),
    notes: notesSchema,
  })
  .refine((v) => v.expires === null || v.expires > v.completed, {
    path: ["expires"],
    message: "must be after the completed date",
  });
