import parseSpdx from "spdx-expression-parse";
import { assetRef, PROPERTY, systemRef } from "./aibom-refs.js";
import type { AibomAsset, AibomInput, AibomSystem, CycloneDxBom } from "./aibom-types.js";
import { cycloneDxLicenceIds } from "./cyclonedx-schemas.js";
import { modelCardToCdx } from "./model-card-cdx.js";

/** Data categories a BOM reader should treat as sensitive. */
const SENSITIVE = new Set(["personal", "sensitive_personal", "children", "biometric", "health", "financial"]);

/** The order components appear in: models, data, then the rest, each by name and id. */
const KIND_ORDER = { model: 0, dataset: 1, prompt: 2, agent: 3, tool: 4, vendor_service: 5 } as const;

type Property = { name: string; value: string };

function properties(entries: [string, string | null | undefined][]): Property[] | undefined {
  const list = entries
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "")
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return list.length > 0 ? list : undefined;
}

/**
 * The licence in CycloneDX terms: a single SPDX id as `license.id`, a single LicenseRef as
 * `license.name`, anything else (OR, AND, WITH) as one `expression`.
 */
export function licencesOf(expression: string | null): Record<string, unknown>[] | undefined {
  if (!expression) return undefined;
  try {
    const tree = parseSpdx(expression);
    if ("license" in tree && !tree.plus && !tree.exception) {
      if (cycloneDxLicenceIds().has(tree.license)) return [{ license: { id: tree.license } }];
      if (tree.license.startsWith("LicenseRef-")) return [{ license: { name: tree.license } }];
    }
  } catch {
    // Stored expressions were checked on the way in; one that no longer parses still travels as text.
  }
  return [{ expression }];
}

function scanFacts(asset: AibomAsset) {
  const scan = asset.scan;
  if (!scan) return { hashes: undefined, files: undefined, props: [] as [string, string | null][] };
  const withHash = scan.files
    .filter((file) => file.sha256)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = (sha256: string) => [{ alg: "SHA-256", content: sha256 }];
  const single = withHash.length === 1 ? withHash[0] : undefined;
  return {
    hashes: single?.sha256 ? hash(single.sha256) : undefined,
    // A model of several files lists each as a `file` sub-component with its own digest.
    files:
      withHash.length > 1
        ? withHash.map((file) => ({ type: "file", name: file.path, hashes: hash(file.sha256 as string) }))
        : undefined,
    props: [
      [PROPERTY.signatureStatus, scan.signatureStatus],
      [PROPERTY.latestScan, scan.ref],
      [PROPERTY.latestScanFinishedAt, scan.finishedAt],
      [PROPERTY.latestScanHighestSeverity, scan.highestSeverity ?? "none"],
    ] as [string, string | null][],
  };
}

function commonProperties(asset: AibomAsset): [string, string | null][] {
  return [
    [PROPERTY.assetKind, asset.kind],
    [PROPERTY.ownerEmail, asset.owner?.email],
    [PROPERTY.licenceNotes, asset.licence],
    [PROPERTY.provenance, asset.provenance],
    [PROPERTY.acquisitionMethod, asset.acquisitionMethod],
    [PROPERTY.qualityNotes, asset.qualityNotes],
    [PROPERTY.preparationNotes, asset.preparationNotes],
    [PROPERTY.dataCategories, [...asset.dataCategories].sort().join("; ")],
  ] as [string, string | null][];
}

function supplierOf(asset: AibomAsset) {
  if (!asset.vendor) return undefined;
  return { name: asset.vendor.name, ...(asset.vendor.website ? { url: [asset.vendor.website] } : {}) };
}

function dataEntryOf(asset: AibomAsset) {
  const owners = asset.owner ? [{ contact: { name: asset.owner.name, email: asset.owner.email } }] : [];
  const custodians = asset.vendor ? [{ organization: { name: asset.vendor.name } }] : [];
  const sensitive = asset.dataCategories.filter((category) => SENSITIVE.has(category)).sort();
  return {
    type: asset.kind === "dataset" ? "dataset" : "other",
    name: asset.name,
    ...(asset.provenance ? { description: asset.provenance } : {}),
    ...(asset.dataCategories.length > 0 ? { classification: [...asset.dataCategories].sort().join("; ") } : {}),
    ...(sensitive.length > 0 ? { sensitiveData: sensitive } : {}),
    ...(owners.length + custodians.length > 0
      ? { governance: { ...(owners.length ? { owners } : {}), ...(custodians.length ? { custodians } : {}) } }
      : {}),
  };
}

const COMPONENT_TYPE = {
  model: "machine-learning-model",
  dataset: "data",
  prompt: "data",
  agent: "application",
  tool: "application",
} as const;

function componentOf(asset: AibomAsset & { kind: keyof typeof COMPONENT_TYPE }) {
  const scan = scanFacts(asset);
  const type = COMPONENT_TYPE[asset.kind];
  return {
    type,
    "bom-ref": assetRef(asset.id),
    ...(supplierOf(asset) ? { supplier: supplierOf(asset) } : {}),
    name: asset.name,
    ...(asset.assetVersion ? { version: asset.assetVersion } : {}),
    ...(asset.description ? { description: asset.description } : {}),
    ...(scan.hashes ? { hashes: scan.hashes } : {}),
    ...(licencesOf(asset.licenceExpression) ? { licenses: licencesOf(asset.licenceExpression) } : {}),
    ...(type === "machine-learning-model" ? { modelCard: modelCardToCdx(asset.modelCard) } : {}),
    ...(type === "data" ? { data: [dataEntryOf(asset)] } : {}),
    ...(scan.files ? { components: scan.files } : {}),
    ...(properties([...commonProperties(asset), ...scan.props])
      ? { properties: properties([...commonProperties(asset), ...scan.props]) }
      : {}),
  };
}

function serviceOf(asset: AibomAsset) {
  return {
    "bom-ref": assetRef(asset.id),
    ...(asset.vendor ? { provider: supplierOf(asset) } : {}),
    name: asset.name,
    ...(asset.assetVersion ? { version: asset.assetVersion } : {}),
    ...(asset.description ? { description: asset.description } : {}),
    ...(licencesOf(asset.licenceExpression) ? { licenses: licencesOf(asset.licenceExpression) } : {}),
    ...(properties(commonProperties(asset)) ? { properties: properties(commonProperties(asset)) } : {}),
  };
}

function systemComponentOf(system: AibomSystem) {
  return {
    type: "application",
    "bom-ref": systemRef(system.id),
    name: system.name,
    ...(system.description ? { description: system.description } : {}),
    properties: [{ name: PROPERTY.systemSlug, value: system.slug }],
  };
}

function byKindThenName(a: AibomAsset, b: AibomAsset): number {
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (kind !== 0) return kind;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A CycloneDX 1.6 AI bill of materials for one AI system (the system is `metadata.component`,
 * its assets the components) or for the whole inventory (each system a component depending on its
 * assets). The output is stable: components, properties and dependencies are sorted and bom-refs
 * come from ids, so two exports of the same records differ only in serialNumber and timestamp.
 */
export function buildAibom(input: AibomInput): CycloneDxBom {
  const assets = [...input.assets].sort(byKindThenName);
  const known = new Set(assets.map((asset) => asset.id));
  const components: Record<string, unknown>[] = [];
  const services: Record<string, unknown>[] = [];
  for (const asset of assets) {
    if (asset.kind === "vendor_service") services.push(serviceOf(asset));
    else components.push(componentOf(asset as AibomAsset & { kind: keyof typeof COMPONENT_TYPE }));
  }
  const systems = input.system ? [input.system] : [...input.systems].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  if (!input.system) components.push(...systems.map(systemComponentOf));
  const dependencies = [
    ...systems.map((system) => ({
      ref: systemRef(system.id),
      dependsOn: system.assetIds
        .filter((id) => known.has(id))
        .map(assetRef)
        .sort(),
    })),
    ...assets
      .filter((asset) => (asset.modelCard.modelParameters?.datasets ?? []).length > 0)
      .map((asset) => ({
        ref: assetRef(asset.id),
        dependsOn: [
          ...new Set(
            (asset.modelCard.modelParameters?.datasets ?? [])
              .filter((dataset) => known.has(dataset.assetId))
              .map((dataset) => assetRef(dataset.assetId)),
          ),
        ].sort(),
      })),
  ];
  const subject = input.system
    ? systemComponentOf(input.system)
    : { type: "platform", name: `${input.organisationName} AI inventory` };
  return {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: input.serialNumber,
    version: 1,
    metadata: {
      timestamp: input.timestamp,
      tools: { components: [{ type: "application", name: "OpenAIMS", version: input.toolVersion }] },
      component: subject,
    },
    components,
    ...(services.length > 0 ? { services } : {}),
    dependencies,
  };
}
