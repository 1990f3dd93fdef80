import {
  type AssetKind,
  assetKinds,
  type DataCategory,
  dataCategories,
  spdxExpressionProblem,
} from "@openaims/contracts";
import { licenseRefOf } from "../licences/hugging-face.js";
import { assetIdOfRef, PROPERTY } from "./aibom-refs.js";
import type { CycloneDxBom } from "./aibom-types.js";
import { modelCardFromCdx } from "./model-card-cdx.js";
import type { AibomError } from "./validate-aibom.js";

/** An asset a BOM describes, as the inventory would record it; the server matches it and checks the values. */
export interface AibomAssetEntry {
  /** JSON path of the component or service, for messages. */
  path: string;
  bomRef: string | null;
  /** Our asset id when the bom-ref is one of ours (`asset:<id>`). */
  assetId: string | null;
  values: {
    name: string;
    kind: AssetKind;
    description: string;
    assetVersion: string;
    licence: string;
    licenceExpression: string | null;
    provenance: string;
    acquisitionMethod: string;
    qualityNotes: string;
    preparationNotes: string;
    dataCategories: DataCategory[];
    /** The model card without its datasets; the server resolves `datasetRefs` to asset ids. */
    modelCard: Record<string, unknown>;
  };
  datasetRefs: { ref: string; path: string }[] | null;
  vendor: { name: string; website: string } | null;
  ownerEmail: string | null;
}

/** A system the BOM names by slug, and the bom-refs of the assets it depends on. */
export interface AibomSystemEntry {
  slug: string;
  path: string;
  assetRefs: string[];
}

export interface ParsedAibom {
  assets: AibomAssetEntry[];
  systems: AibomSystemEntry[];
  /** Components that are not AI assets (libraries, files …), left alone. */
  skipped: { path: string; name: string; reason: string }[];
  problems: AibomError[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

function propertyOf(item: Json, name: string): string | null {
  const list = Array.isArray(item.properties) ? item.properties : [];
  const found = list.find((property) => isObject(property) && property.name === name);
  return isObject(found) && typeof found.value === "string" ? found.value : null;
}

/** The licence of a component as one SPDX expression; several entries all apply, so they are joined with AND. */
function expressionOf(
  licenses: unknown,
  path: string,
  problems: AibomError[],
): { expression: string | null; name: string } {
  if (!Array.isArray(licenses) || licenses.length === 0) return { expression: null, name: "" };
  const parts: string[] = [];
  let name = "";
  for (const entry of licenses) {
    if (!isObject(entry)) continue;
    if (typeof entry.expression === "string") parts.push(entry.expression);
    else if (isObject(entry.license)) {
      const licence = entry.license;
      if (typeof licence.id === "string") parts.push(licence.id);
      else if (typeof licence.name === "string") {
        parts.push(licence.name.startsWith("LicenseRef-") ? licence.name : licenseRefOf(licence.name));
        if (!licence.name.startsWith("LicenseRef-")) name = licence.name;
      }
    }
  }
  if (parts.length === 0) return { expression: null, name };
  const expression = parts.length === 1 ? (parts[0] as string) : parts.map((part) => `(${part})`).join(" AND ");
  const problem = spdxExpressionProblem(expression);
  if (problem) {
    problems.push({ path: `${path}.licenses`, message: problem });
    return { expression: null, name };
  }
  return { expression, name };
}

function kindOf(item: Json, isService: boolean): AssetKind | null {
  const declared = propertyOf(item, PROPERTY.assetKind);
  if (declared && (assetKinds as readonly string[]).includes(declared)) return declared as AssetKind;
  if (isService) return "vendor_service";
  if (item.type === "machine-learning-model") return "model";
  if (item.type === "data") return "dataset";
  return null;
}

function categoriesOf(value: string | null): DataCategory[] {
  if (!value) return [];
  const known = new Set<string>(dataCategories);
  return [
    ...new Set(
      value
        .split(/[;,]/)
        .map((part) => part.trim())
        .filter((part) => known.has(part)),
    ),
  ] as DataCategory[];
}

function entryOf(
  item: Json,
  path: string,
  isService: boolean,
  kind: AssetKind,
  problems: AibomError[],
): AibomAssetEntry {
  const data = Array.isArray(item.data) && isObject(item.data[0]) ? item.data[0] : null;
  const governance = data && isObject(data.governance) ? data.governance : null;
  const firstOwner =
    governance && Array.isArray(governance.owners) && isObject(governance.owners[0]) ? governance.owners[0] : null;
  const ownerContact = firstOwner && isObject(firstOwner.contact) ? firstOwner.contact : null;
  const party = isService ? item.provider : item.supplier;
  const vendor =
    isObject(party) && typeof party.name === "string" && party.name.trim() !== ""
      ? { name: party.name, website: Array.isArray(party.url) ? text(party.url[0]) : "" }
      : null;
  const licence = expressionOf(item.licenses, path, problems);
  const card =
    kind === "model" ? modelCardFromCdx(item.modelCard, `${path}.modelCard`) : { card: {}, datasetRefs: null };
  const ref = typeof item["bom-ref"] === "string" ? item["bom-ref"] : null;
  return {
    path,
    bomRef: ref,
    assetId: assetIdOfRef(ref),
    values: {
      name: text(item.name),
      kind,
      description: text(item.description),
      assetVersion: text(item.version),
      licence: propertyOf(item, PROPERTY.licenceNotes) ?? licence.name,
      licenceExpression: licence.expression,
      provenance: propertyOf(item, PROPERTY.provenance) ?? text(data?.description),
      acquisitionMethod: propertyOf(item, PROPERTY.acquisitionMethod) ?? "",
      qualityNotes: propertyOf(item, PROPERTY.qualityNotes) ?? "",
      preparationNotes: propertyOf(item, PROPERTY.preparationNotes) ?? "",
      dataCategories: categoriesOf(propertyOf(item, PROPERTY.dataCategories) ?? text(data?.classification)),
      modelCard: card.card,
    },
    datasetRefs: card.datasetRefs,
    vendor,
    ownerEmail: propertyOf(item, PROPERTY.ownerEmail) ?? (ownerContact ? text(ownerContact.email) || null : null),
  };
}

/**
 * Read the assets and systems out of a CycloneDX BOM that passed `validateAibom`: models, data,
 * services and our own `openaims:asset-kind` components become asset entries, systems are named by
 * their `openaims:system-slug` property and linked to what their dependencies list.
 */
export function parseAibom(bom: CycloneDxBom): ParsedAibom {
  const result: ParsedAibom = { assets: [], systems: [], skipped: [], problems: [] };
  const systemRefs = new Map<string, AibomSystemEntry>();
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  const subject = isObject(metadata.component) ? metadata.component : null;
  const addSystem = (item: Json, path: string) => {
    const slug = propertyOf(item, PROPERTY.systemSlug);
    if (!slug) return false;
    const entry = { slug, path, assetRefs: [] };
    result.systems.push(entry);
    if (typeof item["bom-ref"] === "string") systemRefs.set(item["bom-ref"], entry);
    return true;
  };
  if (subject) addSystem(subject, "$.metadata.component");
  const visit = (list: unknown, base: string, isService: boolean) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      const path = `${base}[${index}]`;
      if (!isObject(item)) return;
      if (!isService && addSystem(item, path)) return;
      const kind = kindOf(item, isService);
      if (!kind) {
        result.skipped.push({
          path,
          name: text(item.name),
          reason: `a ${text(item.type)} component is not an AI asset`,
        });
        return;
      }
      result.assets.push(entryOf(item, path, isService, kind, result.problems));
    });
  };
  visit(bom.components, "$.components", false);
  visit(bom.services, "$.services", true);
  const assetRefs = new Set(result.assets.map((asset) => asset.bomRef).filter((ref) => ref !== null));
  if (Array.isArray(bom.dependencies)) {
    for (const dependency of bom.dependencies) {
      if (!isObject(dependency) || typeof dependency.ref !== "string") continue;
      const system = systemRefs.get(dependency.ref);
      if (!system || !Array.isArray(dependency.dependsOn)) continue;
      system.assetRefs.push(
        ...dependency.dependsOn.filter((ref): ref is string => typeof ref === "string" && assetRefs.has(ref)),
      );
    }
  }
  return result;
}
