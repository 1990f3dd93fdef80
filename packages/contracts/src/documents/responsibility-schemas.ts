import { z } from "zod";
import { idSchema, pageQuerySchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import { memberRefSchema } from "./document-schemas.js";

/** The processes of the management system that need named people (5.3, A.3.2). */
export const aimsProcesses = [
  "aims_leadership",
  "risk_management",
  "impact_assessment",
  "document_control",
  "internal_audit",
  "management_review",
  "incident_management",
  "change_management",
  "supplier_management",
  "data_management",
  "monitoring",
  "competence_and_training",
  "concern_reporting",
] as const;
export const aimsProcessSchema = z.enum(aimsProcesses, { message: `must be one of: ${aimsProcesses.join(", ")}` });
export type AimsProcess = z.infer<typeof aimsProcessSchema>;

/** Responsible does the work, accountable answers for it (one per subject), consulted and informed are kept in the loop. */
export const raciRoles = ["responsible", "accountable", "consulted", "informed"] as const;
export const raciRoleSchema = z.enum(raciRoles, { message: `must be one of: ${raciRoles.join(", ")}` });
export type RaciRole = z.infer<typeof raciRoleSchema>;

export const responsibilitySubjectTypes = ["system", "process"] as const;
export const responsibilitySubjectTypeSchema = z.enum(responsibilitySubjectTypes, {
  message: "must be system or process",
});

const noteSchema = z.string().trim().max(1000);

export const createResponsibilityRequestSchema = z.discriminatedUnion(
  "subjectType",
  [
    z.object({
      subjectType: z.literal("system"),
      systemId: idSchema,
      memberId: idSchema,
      raciRole: raciRoleSchema,
      note: noteSchema.default(""),
    }),
    z.object({
      subjectType: z.literal("process"),
      process: aimsProcessSchema,
      memberId: idSchema,
      raciRole: raciRoleSchema,
      note: noteSchema.default(""),
    }),
  ],
  { message: "subjectType must be system or process" },
);

export const updateResponsibilityRequestSchema = z.object({
  raciRole: raciRoleSchema.optional(),
  note: noteSchema.optional(),
  version: versionSchema,
});

export const archiveResponsibilityRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

export const responsibilitySchema = z
  .object({
    id: idSchema,
    subjectType: responsibilitySubjectTypeSchema,
    process: aimsProcessSchema.nullable(),
    system: z.object({ id: idSchema, name: z.string() }).nullable(),
    member: memberRefSchema,
    raciRole: raciRoleSchema,
    note: z.string(),
    status: z.enum(["active", "archived"]),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Responsibility" });
export type Responsibility = z.infer<typeof responsibilitySchema>;

export const responsibilityListQuerySchema = pageQuerySchema.extend({
  subjectType: responsibilitySubjectTypeSchema.optional(),
  systemId: idSchema.optional(),
  process: aimsProcessSchema.optional(),
  memberId: idSchema.optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
});

/** Why a subject does not count as covered yet. */
export const raciGaps = ["no_accountable", "several_accountable", "no_responsible"] as const;
export const raciCoverageSchema = z.object({
  /** Exactly one accountable person. */
  covered: z.boolean(),
  gaps: z.array(z.enum(raciGaps)),
});

export const responsibilityMatrixSchema = z
  .object({
    /** Members with at least one live assignment, in name order: the matrix columns. */
    members: z.array(memberRefSchema),
    /** Every process, then every live AI system: the matrix rows. */
    rows: z.array(
      z.object({
        subjectType: responsibilitySubjectTypeSchema,
        process: aimsProcessSchema.nullable(),
        system: z.object({ id: idSchema, name: z.string() }).nullable(),
        assignments: z.array(
          z.object({
            id: idSchema,
            memberId: idSchema,
            raciRole: raciRoleSchema,
            note: z.string(),
            version: z.number(),
          }),
        ),
        coverage: raciCoverageSchema,
      }),
    ),
    coveredCount: z.number().int(),
    totalCount: z.number().int(),
  })
  .meta({ id: "ResponsibilityMatrix" });
export type ResponsibilityMatrix = z.infer<typeof responsibilityMatrixSchema>;

export const responsibilityMatrixQuerySchema = z.object({
  subjectType: responsibilitySubjectTypeSchema.optional(),
});
