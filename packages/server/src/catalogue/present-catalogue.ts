import type { Catalogue, ThreatLibrary } from "@openaims/contracts";
import {
  annexAAreas,
  annexAControls,
  annexAObjectives,
  catalogueVersion,
  clauses,
  findClauseGuidance,
  findControlGuidance,
  type Guidance,
  threats,
} from "@openaims/core";

function presentGuidance(guidance: Guidance | undefined) {
  return {
    asks: guidance?.asks ?? "",
    typicalEvidence: [...(guidance?.typicalEvidence ?? [])],
    pitfalls: [...(guidance?.pitfalls ?? [])],
  };
}

/** Clauses and Annex A with guidance, as the API answers them. */
export function presentCatalogue(): Catalogue {
  return {
    catalogueVersion,
    clauses: clauses.map((clause) => {
      const guidance = findClauseGuidance(clause.id);
      return {
        ...clause,
        guidance: { ...presentGuidance(guidance), expectedDocumentKind: guidance?.expectedDocumentKind ?? null },
      };
    }),
    annexA: {
      areas: annexAAreas.map((area) => ({ ...area })),
      objectives: annexAObjectives.map((objective) => ({ ...objective })),
      controls: annexAControls.map((control) => {
        const guidance = findControlGuidance(control.id);
        return {
          id: control.id,
          title: control.title,
          areaId: control.areaId,
          objectiveId: control.objectiveId,
          titleVariants: [...(control.titleVariants ?? [])],
          guidance: { ...presentGuidance(guidance), suggestedFreshnessDays: guidance?.suggestedFreshnessDays ?? 365 },
        };
      }),
    },
  };
}

/** The threat library as the API answers it. */
export function presentThreatLibrary(): ThreatLibrary {
  return { catalogueVersion, threats: threats.map((threat) => ({ ...threat })) };
}
