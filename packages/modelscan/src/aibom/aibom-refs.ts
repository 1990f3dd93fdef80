/** bom-refs are built from our ids, so the same record has the same bom-ref in every export. */
const ASSET_PREFIX = "asset:";
const SYSTEM_PREFIX = "system:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assetRef(id: string): string {
  return `${ASSET_PREFIX}${id}`;
}

export function systemRef(id: string): string {
  return `${SYSTEM_PREFIX}${id}`;
}

/** The asset id a bom-ref names, or null when the ref is not one of ours. */
export function assetIdOfRef(ref: unknown): string | null {
  if (typeof ref !== "string" || !ref.startsWith(ASSET_PREFIX)) return null;
  const id = ref.slice(ASSET_PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}

/** Namespaced property names, so our facts never collide with another tool's. */
export const PROPERTY = {
  assetKind: "openaims:asset-kind",
  ownerEmail: "openaims:owner-email",
  licenceNotes: "openaims:licence-notes",
  provenance: "openaims:provenance",
  acquisitionMethod: "openaims:acquisition-method",
  qualityNotes: "openaims:quality-notes",
  preparationNotes: "openaims:preparation-notes",
  dataCategories: "openaims:data-categories",
  systemSlug: "openaims:system-slug",
  signatureStatus: "openaims:signature-status",
  latestScan: "openaims:latest-scan",
  latestScanFinishedAt: "openaims:latest-scan-finished-at",
  latestScanHighestSeverity: "openaims:latest-scan-highest-severity",
} as const;
