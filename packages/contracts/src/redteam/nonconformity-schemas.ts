import { z } from "zod";
import { idSchema, timestampSchema } from "../common.js";
import { nonconformitySourceSchema, nonconformityStatusSchema, redteamSeveritySchema } from "./redteam-attributes.js";

export const nonconformitySchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    source: nonconformitySourceSchema,
    /** The record it was raised from, e.g. the red-team finding. */
    sourceId: idSchema.nullable(),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }).nullable(),
    severity: redteamSeveritySchema,
    status: nonconformityStatusSchema,
    raisedBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Nonconformity" });
export type Nonconformity = z.infer<typeof nonconformitySchema>;

export const nonconformityListQuerySchema = z.object({
  systemId: idSchema.optional(),
  status: nonconformityStatusSchema.optional(),
});
