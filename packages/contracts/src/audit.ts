import { z } from "zod";
import { idSchema, timestampSchema } from "./common.js";

export const actorTypes = ["user", "token", "system"] as const;

export const auditChangeSchema = z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }));

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    id: idSchema,
    orgId: idSchema,
    at: timestampSchema,
    actor: z.object({ type: z.enum(actorTypes), id: z.string().nullable(), label: z.string() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    changes: auditChangeSchema,
    requestId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuerySchema = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.string().trim().max(100).optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  sort: z.enum(["seq", "-seq"]).default("-seq"),
});

export const auditVerifyResultSchema = z
  .object({
    ok: z.boolean(),
    entriesChecked: z.number().int(),
    headSeq: z.number().int(),
    headHash: z.string(),
    firstBroken: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).nullable(),
  })
  .meta({ id: "AuditVerifyResult" });
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
