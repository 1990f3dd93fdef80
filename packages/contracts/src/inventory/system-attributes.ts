import { z } from "zod";

/** The organisation's role for an AI system. */
export const systemRoles = ["provider", "deployer", "user"] as const;
export const systemRoleSchema = z.enum(systemRoles);

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
export const lifecycleStageSchema = z.enum(lifecycleStages);

export const impactTiers = ["low", "medium", "high"] as const;
export const impactTierSchema = z.enum(impactTiers);

/** Why a system counts as high-impact. */
export const highImpactReasons = ["eligibility", "financial", "security_access", "safety", "regulated_data"] as const;
export const highImpactReasonSchema = z.enum(highImpactReasons);

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
export const dataCategorySchema = z.enum(dataCategories);

/** How much the system acts on its own. */
export const autonomyLevels = ["advisory", "human_in_the_loop", "human_on_the_loop", "autonomous"] as const;
export const autonomyLevelSchema = z.enum(autonomyLevels);

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
export const systemCapabilitySchema = z.enum(systemCapabilities);

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
