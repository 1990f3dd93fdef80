import { z } from "zod";
import { idSchema, nameSchema, roleSchema, timestampSchema, versionSchema } from "./common.js";

export const orgSchema = z
  .object({
    id: idSchema,
    slug: z.string(),
    name: z.string(),
    /**
     * Whoever wrote, submitted, changed or owns a record may not approve it. On by default; it takes
     * effect once the organisation has more than one active member.
     */
    segregationOfDuties: z.boolean(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Organization" });
export type Org = z.infer<typeof orgSchema>;

export const createOrgRequestSchema = z.object({ name: nameSchema });
/** Absent fields stay as they are. */
export const updateOrgRequestSchema = z.object({
  name: nameSchema.optional(),
  segregationOfDuties: z.boolean().optional(),
  version: versionSchema,
});

export const memberSchema = z
  .object({
    id: idSchema,
    userId: idSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: z.enum(["active", "archived"]),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof memberSchema>;

export const memberListQuerySchema = z.object({
  role: roleSchema.optional(),
  status: z.enum(["active", "archived", "all"]).default("active"),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["name", "-name", "email", "-email", "createdAt", "-createdAt"]).default("name"),
});

export const updateMemberRequestSchema = z.object({ role: roleSchema, version: versionSchema });
