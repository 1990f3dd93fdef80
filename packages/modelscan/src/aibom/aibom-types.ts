import type { AssetKind, DataCategory, ModelCard, SignatureStatus } from "@openaims/contracts";

/** The latest scan of a model asset: what the AI-BOM carries as hashes and `openaims:*` properties. */
export interface AibomScanFacts {
  ref: string;
  finishedAt: string;
  highestSeverity: string | null;
  signatureStatus: SignatureStatus;
  files: { path: string; sha256: string | null }[];
}

/** One asset of the inventory as the AI-BOM builder needs it. */
export interface AibomAsset {
  id: string;
  name: string;
  kind: AssetKind;
  description: string;
  assetVersion: string;
  licence: string;
  licenceExpression: string | null;
  modelCard: ModelCard;
  provenance: string;
  acquisitionMethod: string;
  qualityNotes: string;
  preparationNotes: string;
  dataCategories: DataCategory[];
  owner: { name: string; email: string } | null;
  vendor: { name: string; website: string } | null;
  scan: AibomScanFacts | null;
}

/** An AI system: the BOM's subject (one system) or one of its components (the whole inventory). */
export interface AibomSystem {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** Ids of the assets the system uses now. */
  assetIds: string[];
}

export interface AibomInput {
  /** `urn:uuid:…`; a fresh one per export. */
  serialNumber: string;
  /** ISO timestamp of the export. */
  timestamp: string;
  toolVersion: string;
  /** One system, or null for the whole inventory. */
  system: AibomSystem | null;
  /** For the whole inventory: every active system, each a component depending on its assets. */
  systems: AibomSystem[];
  /** The organisation's name, for the inventory BOM's subject. */
  organisationName: string;
  assets: AibomAsset[];
}

/** A CycloneDX JSON document, as built or read. */
export type CycloneDxBom = Record<string, unknown>;
