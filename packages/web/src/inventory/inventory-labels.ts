import type {
  AssetKind,
  AutonomyLevel,
  DataCategory,
  HighImpactReason,
  ImpactTier,
  LifecycleStage,
  SystemCapability,
  SystemRole,
} from "@openaims/contracts";

/** Options for a Select or MultiSelect: stable key as value, plain words as label. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

export const systemRoleLabels: Record<SystemRole, string> = {
  provider: "Provider — we build or supply it",
  deployer: "Deployer — we operate it for our purposes",
  user: "User — we use a system someone else runs",
};

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  planned: "Planned",
  design: "Design",
  development: "Development",
  validation: "Validation",
  deployment: "Deployment",
  operation: "In operation",
  retired: "Retired",
};

export const impactTierLabels: Record<ImpactTier, string> = { low: "Low", medium: "Medium", high: "High" };

export const highImpactReasonLabels: Record<HighImpactReason, string> = {
  eligibility: "Decides eligibility (jobs, credit, housing, benefits, education)",
  financial: "Moves or commits money",
  security_access: "Grants or removes security access",
  safety: "Can affect physical safety",
  regulated_data: "Processes regulated data",
};

export const dataCategoryLabels: Record<DataCategory, string> = {
  personal: "Personal data",
  sensitive_personal: "Sensitive personal data",
  children: "Children's data",
  biometric: "Biometric data",
  health: "Health data",
  financial: "Financial data",
  confidential_business: "Confidential business data",
  public: "Public data",
  synthetic: "Synthetic data",
};

export const autonomyLabels: Record<AutonomyLevel, string> = {
  advisory: "Advisory — a person decides",
  human_in_the_loop: "Human in the loop — a person approves each action",
  human_on_the_loop: "Human on the loop — a person watches and can stop it",
  autonomous: "Autonomous — acts on its own",
};

export const capabilityLabels: Record<SystemCapability, string> = {
  llm: "Uses a large language model",
  agent_tools: "Calls tools or takes actions (agent)",
  retrieval: "Reads outside content into prompts (RAG, web, e-mail, files)",
  trains_models: "Trains or fine-tunes models",
  predictive_ml: "Predictive machine learning",
  automated_decisions: "Makes automated decisions about people",
  public_api: "Offers a public API",
  vendor_model: "Relies on a vendor's model",
};

export const assetKindLabels: Record<AssetKind, string> = {
  model: "Model",
  dataset: "Dataset",
  prompt: "Prompt",
  agent: "Agent",
  tool: "Tool or connector",
  vendor_service: "Vendor AI service",
};

export const yesNoUnknownLabels = { yes: "Yes", no: "No", unknown: "Unknown" } as const;

export const customerDataTrainingLabels = {
  yes: "Yes",
  no: "No",
  opt_out: "Yes, unless switched off (opt-out)",
  unknown: "Unknown",
} as const;
