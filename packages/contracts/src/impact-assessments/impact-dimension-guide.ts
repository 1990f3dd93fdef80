import type {
  ImpactDimensionKey,
  ImpactLikelihood,
  ImpactOutcome,
  ImpactScope,
  ImpactSeverity,
  ResidualConcernLevel,
} from "./impact-scales.js";

/** A dimension's display name and the questions that help an author think it through. */
export interface ImpactDimensionGuide {
  label: string;
  /** One line on what the dimension is about. */
  summary: string;
  /** Plain-words questions to answer in the description of the effect. */
  prompts: readonly string[];
}

/** Guidance per dimension, written for people who are not specialists in the topic. */
export const impactDimensionGuide: Record<ImpactDimensionKey, ImpactDimensionGuide> = {
  fairness: {
    label: "Fairness",
    summary: "Whether some people get worse outcomes than others because of who they are.",
    prompts: [
      "Could results differ by age, gender, ethnicity, disability, language, location or other traits?",
      "Was the data representative of everyone the system will be used on?",
      "How would an unfair result be noticed, and who could challenge it?",
    ],
  },
  privacy: {
    label: "Privacy",
    summary: "How personal information is collected, inferred, kept and shared.",
    prompts: [
      "What personal data goes in, and could the system reveal or infer more than people expect?",
      "Do people know their data is used this way, and can they object or ask for deletion?",
      "Could outputs be linked back to a person who was never told?",
    ],
  },
  safety: {
    label: "Safety",
    summary: "Physical or psychological harm that could follow from the system's outputs or actions.",
    prompts: [
      "Could a wrong or misleading output lead someone to hurt themselves or others?",
      "Is anyone vulnerable (children, patients, people in distress) likely to rely on it?",
      "What happens when the system fails, and how quickly can a person step in?",
    ],
  },
  human_agency: {
    label: "Autonomy and human agency",
    summary: "Whether people keep real control over decisions that affect them.",
    prompts: [
      "Does the system decide, or does a person decide with its help?",
      "Could it steer, pressure or manipulate people's choices?",
      "Can an affected person reach a human, contest the outcome and get it changed?",
    ],
  },
  transparency: {
    label: "Transparency and explainability",
    summary: "Whether people know AI is involved and can understand why an outcome was reached.",
    prompts: [
      "Are people told they are dealing with an AI system or AI-produced content?",
      "Can the reasons for an individual outcome be explained in words the person understands?",
      "Is what the system cannot do, or does poorly, stated openly?",
    ],
  },
  accessibility: {
    label: "Accessibility",
    summary: "Whether everyone, including people with disabilities, can use the system or its alternative.",
    prompts: [
      "Can people using assistive technology, or with limited reading or language skills, use it?",
      "Is there a non-AI route for people who cannot or will not use it?",
      "Does the system work as well for every language and dialect it will meet?",
    ],
  },
  security: {
    label: "Security",
    summary: "Harm to people if the system is attacked, abused or leaks what it knows.",
    prompts: [
      "What could an attacker make the system do or reveal (prompt injection, tool misuse, data exposure)?",
      "Who would be hurt if its data, credentials or connected tools were misused?",
      "Could the system be used at scale for fraud, spam or impersonation?",
    ],
  },
  economic: {
    label: "Economic and livelihood effects",
    summary: "Effects on jobs, income, access to money, services or opportunities.",
    prompts: [
      "Could the system affect someone's job, pay, credit, insurance, housing or benefits?",
      "Does it change work for the people who used to do this task, and how are they supported?",
      "Could a mistake cost someone money, and how would they be made whole?",
    ],
  },
  environmental: {
    label: "Environmental",
    summary: "Energy, water and hardware the system uses, and its wider environmental footprint.",
    prompts: [
      "Roughly how much computing does training and running the system take, and where?",
      "Is a smaller model or less frequent processing good enough for the purpose?",
      "Does the use itself affect the environment, for better or worse?",
    ],
  },
  custom: {
    label: "Other effect",
    summary: "An effect specific to this system or sector that the standard dimensions do not cover.",
    prompts: [
      "Name the effect in a few words and say who it reaches.",
      "Describe it the same way as the others: how bad, how likely, what reduces it.",
    ],
  },
};

/** Questions for the context section, asked once per assessment. */
export const impactContextGuide = {
  intendedUse: "What is the system for, who uses it, and what decisions or actions does it feed?",
  foreseeableMisuse: "How could it reasonably be used wrongly or for something it was not meant for?",
  affectedParties:
    "Who is affected, directly or indirectly? Name the individuals and groups, including vulnerable ones.",
  deploymentSetting:
    "Where and how is it deployed: country, sector, channel, scale, and how people reach a human if needed?",
} as const;

/** What each scope means. */
export const impactScopeDescriptions: Record<ImpactScope, string> = {
  individuals: "Single people, one at a time.",
  groups: "Identifiable groups, such as a community, a customer segment or people sharing a trait.",
  society: "Society at large: public trust, institutions, the environment, the information space.",
};

/** The severity scale, in words an author can choose from. */
export const impactSeverityDescriptions: Record<ImpactSeverity, string> = {
  negligible: "Hardly noticed; undone at once.",
  minor: "An inconvenience that is easy to put right.",
  moderate: "Real harm that can be put right with effort.",
  major: "Serious harm that is hard to put right.",
  severe: "Lasting or irreversible harm to health, rights or livelihoods, or harm to many people.",
};

/** The likelihood scale. */
export const impactLikelihoodDescriptions: Record<ImpactLikelihood, string> = {
  rare: "Only in exceptional circumstances.",
  unlikely: "Could happen, but not expected.",
  possible: "Might happen now and then in normal use.",
  likely: "Expected to happen in normal use.",
  almost_certain: "Will happen regularly unless something changes.",
};

/** The residual concern scale. */
export const residualConcernDescriptions: Record<ResidualConcernLevel, string> = {
  none: "Nothing meaningful is left once the mitigations work.",
  low: "Some effect remains; accepted and watched.",
  medium: "A noticeable effect remains; needs an owner and a follow-up.",
  high: "A serious effect remains; the system should not go ahead without a decision at management level.",
};

/** The overall outcomes. */
export const impactOutcomeDescriptions: Record<ImpactOutcome, string> = {
  acceptable: "The system may be used as described.",
  acceptable_with_conditions: "The system may be used once the listed conditions are met and kept.",
  not_acceptable: "The system must not be used as described.",
};
