import { z } from "zod";

const severitySchema = z.enum(["high", "medium", "low"]);

/** Steps of the certification path, in order. The enum schemas stay unexported: their values are keys, their titles come with each step. */
export const certificationStepIds = [
  "scope",
  "policy",
  "roles",
  "inventory",
  "risk-method",
  "risk-assessment",
  "controls",
  "operation",
  "monitoring",
  "internal-audit",
  "management-review",
  "improvement",
] as const;
const certificationStepIdSchema = z.enum(certificationStepIds);
export type CertificationStepId = z.infer<typeof certificationStepIdSchema>;

/** One act that closes one or more gaps, with every clause, control and system it serves. */
export const readinessActionSchema = z
  .object({
    key: z.string(),
    action: z.string(),
    /** Web path below /o/:orgId where the act is done. */
    path: z.string(),
    /** The step of the certification path the act belongs to. */
    step: certificationStepIdSchema,
    severity: severitySchema,
    gapsClosed: z.number().int(),
    clauseIds: z.array(z.string()),
    controlRefs: z.array(z.string()),
    /** Annex A areas of those controls; "custom" for custom controls. */
    areaIds: z.array(z.string()),
    /** Names of the AI systems it serves. */
    systems: z.array(z.string()),
  })
  .meta({ id: "ReadinessAction" });
export type ReadinessAction = z.infer<typeof readinessActionSchema>;

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
    gaps: z.array(
      readinessGapSchema.extend({
        subject: z.string(),
        /** Key of the action in `actions` that closes this gap. */
        actionKey: z.string(),
      }),
    ),
    /** The gaps grouped by the act that closes them, the first thing to do first. */
    actions: z.array(readinessActionSchema),
  })
  .meta({ id: "Readiness" });
export type ReadinessView = z.infer<typeof readinessSchema>;

/** Coming: the module for the step is not built yet, which is no shortfall of the organisation. */
const certificationStepStatusSchema = z.enum(["done", "in_progress", "not_started", "coming"]);
export type CertificationStepStatus = z.infer<typeof certificationStepStatusSchema>;

export const certificationStepSchema = z.object({
  id: certificationStepIdSchema,
  title: z.string(),
  /** Clause and Annex A ids as the catalogue spells them. */
  clauseIds: z.array(z.string()),
  status: certificationStepStatusSchema,
  whyItMatters: z.string(),
  doneMeans: z.string(),
  /** The conditions of done, each met or not; empty for a coming step. */
  criteria: z.array(z.object({ label: z.string(), met: z.boolean() })),
  /** The one place to go next: a web path below /o/:orgId and the name of that page. */
  place: z.object({ label: z.string(), path: z.string() }),
});
export type CertificationStep = z.infer<typeof certificationStepSchema>;

export const certificationPathSchema = z
  .object({
    generatedAt: z.string(),
    steps: z.array(certificationStepSchema),
    /** The first built step not yet done; null when every built step is done. */
    nextStepId: certificationStepIdSchema.nullable(),
    /** Built steps done, of built steps (coming ones are not counted). */
    done: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: "CertificationPath" });
export type CertificationPathView = z.infer<typeof certificationPathSchema>;
