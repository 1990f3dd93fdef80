import { z } from "zod";

const severitySchema = z.enum(["high", "medium", "low"]);

export const readinessGapSchema = z.object({
  action: z.string(),
  /** Web path below /o/:orgId where the gap is closed. */
  path: z.string(),
  severity: severitySchema,
});

export const readinessCheckSchema = z.object({
  key: z.string(),
  label: z.string(),
  met: z.boolean(),
  gap: readinessGapSchema.optional(),
});

export const coverageSchema = z.object({
  met: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
  status: z.enum(["covered", "partial", "gap"]),
});

export const readinessItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  checks: z.array(readinessCheckSchema),
  coverage: coverageSchema,
});

export const readinessSchema = z
  .object({
    generatedAt: z.string(),
    catalogueVersion: z.string(),
    overall: coverageSchema,
    clauses: z.array(readinessItemSchema),
    areas: z.array(readinessItemSchema.extend({ controls: z.array(readinessItemSchema) })),
    systems: z.array(readinessItemSchema),
    gaps: z.array(readinessGapSchema.extend({ subject: z.string() })),
  })
  .meta({ id: "Readiness" });
export type ReadinessView = z.infer<typeof readinessSchema>;
