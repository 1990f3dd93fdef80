import { z } from "zod";
import { idSchema, pageQuerySchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import {
  documentKindSchema,
  documentStatusSchema,
  documentTemplateIdSchema,
  documentVersionActions,
  documentVersionStatusSchema,
} from "./document-kinds.js";
import { scopeContentSchema } from "./scope-schemas.js";

/** A calendar date, 'YYYY-MM-DD'. */
export const dateOnlySchema = z.iso.date({ message: "must be a date written YYYY-MM-DD" });

/** Largest Markdown body a version may hold (characters). */
export const MAX_DOCUMENT_BODY = 100_000;

export const documentTitleSchema = z.string().trim().min(1, "must not be empty").max(200);
export const documentBodySchema = z.string().max(MAX_DOCUMENT_BODY, `must be at most ${MAX_DOCUMENT_BODY} characters`);
export const changeSummarySchema = z.string().trim().max(2000);
/** Members who must approve a version; empty means anyone allowed to write governance records may. */
export const approverIdsSchema = z.array(idSchema).max(20, "name at most 20 approvers");

/** A member as other records show them. */
export const memberRefSchema = z.object({ id: idSchema, name: z.string() });
export type MemberRef = z.infer<typeof memberRefSchema>;

export const documentSummarySchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    kind: documentKindSchema,
    status: documentStatusSchema,
    owner: memberRefSchema.nullable(),
    /** Next review of the version in force. */
    nextReviewDate: dateOnlySchema.nullable(),
    /** The version in force is past its next-review date. */
    reviewOverdue: z.boolean(),
    approvedVersion: z
      .object({ id: idSchema, number: z.number().int(), effectiveDate: dateOnlySchema.nullable() })
      .nullable(),
    /** The draft or in-review version being worked on, if any. */
    workingVersion: z
      .object({ id: idSchema, number: z.number().int(), status: documentVersionStatusSchema })
      .nullable(),
    archivedAt: timestampSchema.nullable(),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "DocumentSummary" });
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentVersionSummarySchema = z
  .object({
    id: idSchema,
    documentId: idSchema,
    number: z.number().int(),
    status: documentVersionStatusSchema,
    changeSummary: z.string(),
    /** SHA-256 (hex) of the Markdown body. */
    bodySha256: z.string(),
    approvers: z.array(memberRefSchema),
    createdBy: memberRefSchema.nullable(),
    basedOnVersionId: idSchema.nullable(),
    submittedAt: timestampSchema.nullable(),
    submittedBy: memberRefSchema.nullable(),
    /** The last "request changes" on this version. */
    changesRequested: z.object({ comment: z.string(), by: memberRefSchema.nullable(), at: timestampSchema }).nullable(),
    approvedBy: memberRefSchema.nullable(),
    approvedAt: timestampSchema.nullable(),
    effectiveDate: dateOnlySchema.nullable(),
    nextReviewDate: dateOnlySchema.nullable(),
    supersededAt: timestampSchema.nullable(),
    retiredAt: timestampSchema.nullable(),
    retireReason: z.string().nullable(),
    /** Workflow steps the version's status allows now (named approvers are checked on approval). */
    allowedActions: z.array(z.enum(documentVersionActions)),
    /** Only a draft can be edited. */
    editable: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "DocumentVersionSummary" });
export type DocumentVersionSummary = z.infer<typeof documentVersionSummarySchema>;

/** An AI system named in a scope, as the inventory has it now. */
export const scopeSystemSchema = z.object({
  id: idSchema,
  name: z.string(),
  slug: z.string(),
  archived: z.boolean(),
});

export const documentVersionSchema = documentVersionSummarySchema
  .extend({
    body: z.string(),
    /** Structured content of an AIMS scope version; null for other kinds. */
    scope: scopeContentSchema.nullable(),
    /** The systems the scope names, resolved against the inventory. */
    scopeSystems: z.array(scopeSystemSchema),
  })
  .meta({ id: "DocumentVersion" });
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentDetailSchema = documentSummarySchema
  .extend({ versions: z.array(documentVersionSummarySchema) })
  .meta({ id: "DocumentDetail" });
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const documentListQuerySchema = pageQuerySchema.extend({
  kind: documentKindSchema.optional(),
  status: documentStatusSchema.optional(),
  /** "true": only documents whose review date has passed. */
  overdue: z.enum(["true", "false"]).optional(),
  archived: z.enum(["active", "archived", "all"]).default("active"),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["title", "-title", "createdAt", "-createdAt", "updatedAt", "-updatedAt"]).default("title"),
});

export const createDocumentRequestSchema = z.object({
  title: documentTitleSchema,
  kind: documentKindSchema.exclude(["aims_scope"], { message: "create the AIMS scope on the scope page" }),
  ownerMemberId: idSchema.nullable().optional(),
  body: documentBodySchema.default(""),
  changeSummary: changeSummarySchema.default("First draft"),
  approverMemberIds: approverIdsSchema.default([]),
});

export const createDocumentFromTemplateRequestSchema = z.object({
  template: documentTemplateIdSchema,
  /** Defaults to the template's own title. */
  title: documentTitleSchema.optional(),
  ownerMemberId: idSchema.nullable().optional(),
});

export const documentTemplateSchema = z.object({
  id: documentTemplateIdSchema,
  kind: documentKindSchema,
  title: z.string(),
  description: z.string(),
});

export const updateDocumentRequestSchema = z.object({
  title: documentTitleSchema.optional(),
  ownerMemberId: idSchema.nullable().optional(),
  version: versionSchema,
});

export const archiveDocumentRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

export const startDocumentDraftRequestSchema = z.object({
  changeSummary: changeSummarySchema.default(""),
  /** Version of the document record. */
  version: versionSchema,
});

export const updateDocumentDraftRequestSchema = z.object({
  body: documentBodySchema.optional(),
  changeSummary: changeSummarySchema.optional(),
  approverMemberIds: approverIdsSchema.optional(),
  effectiveDate: dateOnlySchema.nullable().optional(),
  nextReviewDate: dateOnlySchema.nullable().optional(),
  /** Version of the draft. */
  version: versionSchema,
});

export const versionActionRequestSchema = z.object({ version: versionSchema });

export const requestDocumentChangesRequestSchema = z.object({
  comment: z.string().trim().min(3, "say what should change").max(4000),
  version: versionSchema,
});

export const approveDocumentVersionRequestSchema = z.object({
  version: versionSchema,
  /** The body hash the approver read; approval is refused if the body no longer matches. */
  bodySha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lowercase hex")
    .optional(),
  /** Defaults to the draft's effective date, else today. */
  effectiveDate: dateOnlySchema.optional(),
  /** Defaults to the draft's next-review date, else twelve months after the effective date. */
  nextReviewDate: dateOnlySchema.optional(),
});

export const retireDocumentVersionRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

/** Both default: `to` to the newest version, `from` to the version before it. */
export const documentDiffQuerySchema = z.object({ from: idSchema.optional(), to: idSchema.optional() });

export const diffLineSchema = z.object({
  kind: z.enum(["same", "added", "removed"]),
  text: z.string(),
  /** Line number in the older version (null for added lines). */
  oldLine: z.number().int().nullable(),
  /** Line number in the newer version (null for removed lines). */
  newLine: z.number().int().nullable(),
});

export const documentDiffSchema = z
  .object({
    from: z.object({ id: idSchema, number: z.number().int(), bodySha256: z.string() }),
    to: z.object({ id: idSchema, number: z.number().int(), bodySha256: z.string() }),
    added: z.number().int(),
    removed: z.number().int(),
    lines: z.array(diffLineSchema),
  })
  .meta({ id: "DocumentDiff" });
export type DocumentDiff = z.infer<typeof documentDiffSchema>;
