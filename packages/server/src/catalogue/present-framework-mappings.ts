import type { FrameworkMappings } from "@openaims/contracts";
import {
  annexCObjectives,
  annexCRiskSources,
  type CrosswalkSelection,
  type CrosswalkSourceKey,
  catalogueVersion,
  crosswalkAnomalies,
  crosswalkSources,
  euAiActAreaLinks,
  euAiActArticles,
  frameworkCrosswalk,
  iso27001Controls,
  iso27001Links,
  mitreAtlasTactics,
  mitreAtlasVersion,
  nistAiRmf,
  owaspAgenticEdition,
  owaspAgenticTop10,
  owaspLlmTop10,
} from "@openaims/core";

const items = (list: readonly { id: string; title: string }[]) => list.map(({ id, title }) => ({ id, title }));

const allLinks: CrosswalkSelection = {
  entries: [...frameworkCrosswalk],
  euAiActAreas: [...euAiActAreaLinks],
  iso27001: [...iso27001Links],
  anomalies: [...crosswalkAnomalies],
};

/** The outside frameworks with every crosswalk link, or only those of `selection`. */
export function presentFrameworkMappings(selection: CrosswalkSelection = allLinks): FrameworkMappings {
  return {
    catalogueVersion,
    annexC: { objectives: items(annexCObjectives), riskSources: items(annexCRiskSources) },
    owaspLlm: { edition: "2025", items: items(owaspLlmTop10) },
    owaspAgentic: { edition: owaspAgenticEdition, items: items(owaspAgenticTop10) },
    mitreAtlas: { version: mitreAtlasVersion, tactics: items(mitreAtlasTactics) },
    nistAiRmf: nistAiRmf.map((entry) => ({ ...entry })),
    euAiActArticles: items(euAiActArticles),
    iso27001Controls: items(iso27001Controls),
    crosswalks: {
      entries: selection.entries.map((entry) => ({
        iso42001: entry.iso42001,
        nistAiRmf: [...entry.nistAiRmf],
        euAiAct: [...entry.euAiAct],
        sources: { ...entry.sources },
      })),
      euAiActAreas: selection.euAiActAreas.map((link) => ({ ...link, iso42001: [...link.iso42001] })),
      iso27001: selection.iso27001.map((link) => ({ ...link })),
      anomalies: selection.anomalies.map((anomaly) => ({ ...anomaly, titleForId: anomaly.titleForId ?? null })),
      sources: (Object.keys(crosswalkSources) as CrosswalkSourceKey[]).map((key) => ({
        key,
        description: crosswalkSources[key],
      })),
    },
  };
}
