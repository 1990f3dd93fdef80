/**
 * The Annex A controls a model scan evidences. A.10.3 (suppliers): a model file is often a supplier's
 * product, and the scan checks what was received. A.7.5 (data provenance): the record fixes each
 * file's SHA-256 and, when checked, its signature and provenance. Then the resource control of the
 * asset's kind: A.4.4 (tooling resources, which include the models used) for a model and other assets,
 * A.4.3 (data resources) for a dataset.
 */
export function modelScanControlIds(assetKind: string): string[] {
  return ["A.10.3", "A.7.5", assetKind === "dataset" ? "A.4.3" : "A.4.4"];
}

/**
 * The records a model scan's evidence is filed on besides its controls: the scanned asset always, so
 * the asset's page lists every scan of it, and the AI system when the scan was made for one.
 */
export function modelScanRecordTargets(
  assetId: string,
  systemId: string | null,
): { clauseIds: string[]; riskIds: string[]; systemIds: string[]; assetIds: string[] } {
  return { clauseIds: [], riskIds: [], systemIds: systemId ? [systemId] : [], assetIds: [assetId] };
}
