import { z } from "zod";

/** "must be one of a, b, c": the message every inventory enum gives, naming the accepted keys. */
export function oneOfMessage(values: readonly string[]): string {
  return `must be one of ${values.join(", ")}`;
}

/** The organisation's role for an AI system. */
export const systemRoles = ["provider", "deployer", "user"] as const;
export const systemRoleSchema = z.enum(systemRoles, { message: oneOfMessage(systemRoles) });

/** Lifecycle stages of an AI system, from idea to retirement. */
export const lifecycleStages = [
  "planned",
  "design",
  "development",
  "validation",
  "deployment",
  "operation",
  "retired",
] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages, { message: oneOfMessage(lifecycleStages) });

export const impactTiers = ["low", "medium", "high"] as const;
export const impactTierSchema = z.enum(impactTiers, { message: oneOfMessage(impactTiers) });

/** Why a system counts as high-impact. */
export const highImpactReasons = ["eligibility", "financial", "security_access", "safety", "regulated_data"] as const;
export const highImpactReasonSchema = z.enum(highImpactReasons, { message: oneOfMessage(highImpactReasons) });

export const dataCategories = [
  "personal",
  "sensitive_personal",
  "children",
  "biometric",
  "health",
  "financial",
  "confidential_business",
  "public",
  "synthetic",
] as const;
export const dataCategorySchema = z.enum(dataCategories, { message: oneOfMessage(dataCategories) });

/** How much the system acts on its own. */
export const autonomyLevels = ["advisory", "human_in_the_loop", "human_on_the_loop", "autonomous"] as const;
export const autonomyLevelSchema = z.enum(autonomyLevels, { message: oneOfMessage(autonomyLevels) });

/**
 * What the system technically does; threat modelling proposes threats from these.
 * `retrieval` = reads external or user-supplied content (RAG, web, e-mail, files) into prompts.
 */
export const systemCapabilities = [
  "llm",
  "agent_tools",
  "retrieval",
  "trains_models",
  "predictive_ml",
  "automated_decisions",
  "public_api",
  "vendor_model",
] as const;
export const systemCapabilitySchema = z.enum(systemCapabilities, { message: oneOfMessage(systemCapabilities) });

/** The attributes of a system that threat modelling and impact assessment look at. */
export const systemThreatProfileSchema = z.object({
  ourRole: systemRoleSchema,
  impactTier: impactTierSchema,
  dataCategories: z.array(dataCategorySchema),
  capabilities: z.array(systemCapabilitySchema),
  autonomy: autonomyLevelSchema,
  customerFacing: z.boolean(),
});
export type SystemThreatProfile = z.infer<typeof systemThreatProfileSchema>;

export type SystemRole = z.infer<typeof systemRoleSchema>;
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;
export type ImpactTier = z.infer<typeof impactTierSchema>;
export type HighImpactReason = z.infer<typeof highImpactReasonSchema>;
export type DataCategory = z.infer<typeof dataCategorySchema>;
export type AutonomyLevel = z.infer<typeof autonomyLevelSchema>;
export type SystemCapability = z.infer<typeof systemCapabilitySchema>;
