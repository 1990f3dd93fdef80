import type { CrosswalkSourceKey } from "./crosswalk-types.js";

/** Where each crosswalk comes from, so a reader can check a link at its origin. */
export const crosswalkSources: Readonly<Record<CrosswalkSourceKey, string>> = {
  nistXwalk:
    "NIST AI RMF to ISO/IEC 42001 crosswalk published by NIST (provided by Microsoft), https://airc.nist.gov/docs/NIST_AI_RMF_to_ISO_IEC_42001_Crosswalk.pdf",
  jkasteele:
    "ai-act-companion (MIT licence), control-level alignment of ISO/IEC 42001 Annex A with the EU AI Act; analytical, not an official mapping",
  "jkasteele-clauseTable":
    "ai-act-companion (MIT licence), clause-level table aligning ISO/IEC 42001 clauses with EU AI Act articles; analytical, not official",
};
