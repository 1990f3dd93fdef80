import type { ModelCard } from "@openaims/contracts";
import { assetRef } from "./aibom-refs.js";

/**
 * Our model card is shaped after CycloneDX's, so the conversion only turns dataset asset ids into
 * references to the BOM's `data` components and back; every other field is carried as it is.
 */
export function modelCardToCdx(card: ModelCard): Record<string, unknown> {
  const { modelParameters, ...rest } = card;
  if (!modelParameters) return { ...rest };
  const { datasets, ...parameters } = modelParameters;
  return {
    modelParameters: {
      ...parameters,
      ...(datasets ? { datasets: datasets.map((dataset) => ({ ref: assetRef(dataset.assetId) })) } : {}),
    },
    ...rest,
  };
}

/** A CycloneDX model card read back: the card with its dataset references set aside for the caller to resolve. */
export interface CdxModelCard {
  /** The card without `modelParameters.datasets`; check it with modelCardSchema once the datasets are resolved. */
  card: Record<string, unknown>;
  /** The bom-refs of the datasets, or null when the card lists none (the field is left out). */
  datasetRefs: { ref: string; path: string }[] | null;
}

/** Split a CycloneDX model card into our fields and its dataset references; inline datasets are named by path. */
export function modelCardFromCdx(value: unknown, path: string): CdxModelCard {
  if (typeof value !== "object" || value === null) return { card: {}, datasetRefs: null };
  const { "bom-ref": _ref, modelParameters, ...rest } = value as Record<string, unknown>;
  if (typeof modelParameters !== "object" || modelParameters === null) return { card: rest, datasetRefs: null };
  const { datasets, ...parameters } = modelParameters as Record<string, unknown>;
  const datasetRefs = Array.isArray(datasets)
    ? datasets.map((dataset, index) => ({
        ref: typeof dataset === "object" && dataset !== null ? String((dataset as { ref?: unknown }).ref ?? "") : "",
        path: `${path}.modelParameters.datasets[${index}]`,
      }))
    : null;
  return { card: { modelParameters: parameters, ...rest }, datasetRefs };
}
