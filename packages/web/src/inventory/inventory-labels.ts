import { type AutonomyLevel, enumLabels, type SystemRole } from "@openaims/contracts";

/** Options for a Select or MultiSelect: stable key as value, plain words as label. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** Our role with what it means, as the form and overview show it. */
export const systemRoleLabels: Record<SystemRole, string> = {
  provider: `${enumLabels.systemRole.provider} — we build or supply it`,
  deployer: `${enumLabels.systemRole.deployer} — we operate it for our purposes`,
  user: `${enumLabels.systemRole.user} — we use a system someone else runs`,
};

export const lifecycleStageLabels = enumLabels.lifecycleStage;

export const impactTierLabels = enumLabels.impactTier;

export const highImpactReasonLabels = enumLabels.highImpactReason;

export const dataCategoryLabels = enumLabels.dataCategory;

/** Autonomy with what it means for the people involved, as the form and overview show it. */
export const autonomyLabels: Record<AutonomyLevel, string> = {
  advisory: `${enumLabels.autonomyLevel.advisory} — a person decides`,
  human_in_the_loop: `${enumLabels.autonomyLevel.human_in_the_loop} — a person approves each action`,
  human_on_the_loop: `${enumLabels.autonomyLevel.human_on_the_loop} — a person watches and can stop it`,
  autonomous: `${enumLabels.autonomyLevel.autonomous} — acts on its own`,
};

export const capabilityLabels = enumLabels.systemCapability;

export const assetKindLabels = enumLabels.assetKind;

export const yesNoUnknownLabels = enumLabels.yesNoUnknown;

export const customerDataTrainingLabels = enumLabels.customerDataTraining;
