import type { DocumentKind } from "@openaims/contracts";

/** A clause or sub-clause of ISO/IEC 42001 clauses 4–10. */
export interface Clause {
  /** Dotted number as published, e.g. "6.1.2". */
  id: string;
  title: string;
  /** The enclosing clause, or null for the seven top-level clauses. */
  parentId: string | null;
}

/** One of the nine Annex A control areas, e.g. "A.6". */
export interface AnnexAArea {
  id: string;
  title: string;
}

/** A control objective of Annex A; the controls that follow it serve it. */
export interface AnnexAObjective {
  /** e.g. "A.6.2"; the number the objective occupies in the annex. */
  id: string;
  areaId: string;
  /** Sub-heading the objective sits under, where an area has more than one (A.6). */
  group: string | null;
  /** What the objective is for, in our own words. */
  summary: string;
}

/** One of the 38 Annex A controls. */
export interface AnnexAControl {
  /** e.g. "A.6.2.4". */
  id: string;
  title: string;
  areaId: string;
  objectiveId: string;
  /** Wordings of the title that circulate in public sources, kept so search finds them. */
  titleVariants?: readonly string[];
}

/** Plain-words help for one requirement: what it asks, what an auditor expects to see, what goes wrong. */
export interface Guidance {
  asks: string;
  typicalEvidence: readonly string[];
  pitfalls: readonly string[];
}

/** Guidance for a clause, with the kind of controlled document it usually calls for. */
export interface ClauseGuidance extends Guidance {
  /** Readiness looks for an approved document of this kind; undefined when none is expected. */
  expectedDocumentKind?: DocumentKind;
}

/** Guidance for an Annex A control, with how long its evidence normally stays current. */
export interface ControlGuidance extends Guidance {
  /** Days after which evidence for this control should be renewed. */
  suggestedFreshnessDays: number;
}
