/** An AI threat of the library: a starting point for a risk, mapped to the frameworks people cite. */
export interface Threat {
  /** Stable snake_case key; risks seeded from the library keep it. */
  id: string;
  title: string;
  /** What goes wrong and how, in plain words. */
  description: string;
  /** Annex C risk source ids ("C.3.4"). */
  annexCRiskSources: string[];
  /** OWASP Top 10 for LLM Applications 2025 ids ("LLM01:2025"). */
  owaspLlm: string[];
  /** OWASP Top 10 for Agentic Applications ids ("ASI02"). */
  owaspAgentic: string[];
  /** MITRE ATLAS tactic ids ("AML.TA0000"); empty where the threat is not an attack. */
  atlasTactics: string[];
  /** Annex A control ids that usually treat it. */
  suggestedControls: string[];
  /** 1–5 on a 5-level scale, a starting point only */
  defaultLikelihood: number;
  /** 1–5 on a 5-level scale, a starting point only */
  defaultImpact: number;
}
