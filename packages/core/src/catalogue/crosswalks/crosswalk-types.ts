/** Where a crosswalk link comes from; keys of `crosswalkSources`. */
export type CrosswalkSourceKey = "nistXwalk" | "jkasteele" | "jkasteele-clauseTable";

/** Frameworks related to one ISO/IEC 42001 clause or control. */
export interface CrosswalkEntry {
  /** Clause ("6.1.2") or Annex A control ("A.6.2.4") id. */
  iso42001: string;
  /** NIST AI RMF subcategory ids ("MEASURE 2.7"). */
  nistAiRmf: readonly string[];
  /** EU AI Act article ids ("Art. 9"). */
  euAiAct: readonly string[];
  /** Source of each list; null when the list is empty because no source links this id. */
  sources: { nistAiRmf: CrosswalkSourceKey | null; euAiAct: CrosswalkSourceKey | null };
}

/** A link from ISO/IEC 42001 to an ISO/IEC 27001:2022 Annex A control, with why it holds. */
export interface Iso27001Link {
  iso42001: string;
  iso27001: string;
  /** One line on the overlap, so a reader can judge the link rather than trust it. */
  rationale: string;
}

/** An EU AI Act obligation set beside the part of ISO/IEC 42001 that comes closest. */
export interface EuAiActAreaLink {
  /** Article id as in `euAiActArticles`. */
  article: string;
  /** Article with its topic, as the source labels it. */
  label: string;
  /** Clause, area ("A.7") or control ids the article lines up with. */
  iso42001: readonly string[];
  note: string;
}

/** A line of the NIST crosswalk printed with an error; kept as printed and explained. */
export interface CrosswalkAnomaly {
  nistAiRmf: string;
  printed: string;
  /** The ISO id the link was read as. */
  resolvedAs: string;
  /** Official title of that id, where the printed title disagrees with it. */
  titleForId?: string;
  note: string;
}
