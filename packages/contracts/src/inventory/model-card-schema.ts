import { z } from "zod";
import { idSchema } from "../common.js";
import { oneOfMessage } from "./system-attributes.js";

/**
 * Model-card fields of a model asset, shaped after the CycloneDX 1.6 `modelCard` so an AI bill of
 * materials carries them unchanged and reads them back: how the model was built, what it was
 * measured on, and what people must know before using it.
 */
const line = z.string().trim().max(500);
const text = z.string().trim().max(5000);
const lines = z.array(text).max(50);

/** CycloneDX machine-learning approaches. */
export const modelApproaches = [
  "supervised",
  "unsupervised",
  "reinforcement-learning",
  "semi-supervised",
  "self-supervised",
] as const;
export const modelApproachSchema = z.enum(modelApproaches, { message: oneOfMessage(modelApproaches) });
export type ModelApproach = z.infer<typeof modelApproachSchema>;

export const modelPerformanceMetricSchema = z.object({
  /** What was measured, e.g. accuracy, F1, word error rate. */
  type: line,
  value: line,
  /** The part of the data it was measured on, e.g. "speakers over 65". */
  slice: line.optional(),
  confidenceInterval: z.object({ lowerBound: line, upperBound: line }).optional(),
});

export const modelEthicalConsiderationSchema = z.object({ name: text, mitigationStrategy: text.optional() });

export const modelFairnessAssessmentSchema = z.object({
  groupAtRisk: text,
  benefits: text.optional(),
  harms: text.optional(),
  mitigationStrategy: text.optional(),
});

export const modelCardSchema = z.object({
  modelParameters: z
    .object({
      approach: z.object({ type: modelApproachSchema }).optional(),
      /** What the model does, e.g. text classification. */
      task: line.optional(),
      architectureFamily: line.optional(),
      modelArchitecture: line.optional(),
      /** Dataset assets of this organisation the model was trained or evaluated on. */
      datasets: z
        .array(z.object({ assetId: idSchema }))
        .max(50)
        .optional(),
      inputs: z
        .array(z.object({ format: line }))
        .max(20)
        .optional(),
      outputs: z
        .array(z.object({ format: line }))
        .max(20)
        .optional(),
    })
    .optional(),
  quantitativeAnalysis: z
    .object({ performanceMetrics: z.array(modelPerformanceMetricSchema).max(100).optional() })
    .optional(),
  considerations: z
    .object({
      users: lines.optional(),
      useCases: lines.optional(),
      technicalLimitations: lines.optional(),
      performanceTradeoffs: lines.optional(),
      ethicalConsiderations: z.array(modelEthicalConsiderationSchema).max(50).optional(),
      fairnessAssessments: z.array(modelFairnessAssessmentSchema).max(50).optional(),
      environmentalConsiderations: z
        .object({
          properties: z
            .array(z.object({ name: line, value: text }))
            .max(50)
            .optional(),
        })
        .optional(),
    })
    .optional(),
});
export type ModelCard = z.infer<typeof modelCardSchema>;
