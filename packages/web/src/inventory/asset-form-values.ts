import type { ActionClass, AiAsset, AssetKind, CreateAssetRequest, DataCategory } from "@openaims/contracts";

/** What the asset form holds while a person edits it. */
export interface AssetFormValues {
  name: string;
  kind: AssetKind | null;
  description: string;
  assetVersion: string;
  ownerId: string | null;
  vendorId: string | null;
  provenance: string;
  acquisitionMethod: string;
  qualityNotes: string;
  preparationNotes: string;
  dataCategories: DataCategory[];
  licence: string;
  /** SPDX expression; empty when not known. */
  licenceExpression: string;
  /** Tools: what a call does. */
  actionClass: ActionClass | null;
  /** Tools: the name an agent calls it by; empty: the asset's name. */
  toolName: string;
}

export type SetAssetField = <K extends keyof AssetFormValues>(key: K, value: AssetFormValues[K]) => void;

export const emptyAssetForm: AssetFormValues = {
  name: "",
  kind: null,
  description: "",
  assetVersion: "",
  ownerId: null,
  vendorId: null,
  provenance: "",
  acquisitionMethod: "",
  qualityNotes: "",
  preparationNotes: "",
  dataCategories: [],
  licence: "",
  licenceExpression: "",
  actionClass: null,
  toolName: "",
};

export function assetFormOf(asset: AiAsset): AssetFormValues {
  return {
    name: asset.name,
    kind: asset.kind,
    description: asset.description,
    assetVersion: asset.assetVersion,
    ownerId: asset.owner?.id ?? null,
    vendorId: asset.vendor?.id ?? null,
    provenance: asset.provenance,
    acquisitionMethod: asset.acquisitionMethod,
    qualityNotes: asset.qualityNotes,
    preparationNotes: asset.preparationNotes,
    dataCategories: asset.dataCategories,
    licence: asset.licence,
    licenceExpression: asset.licenceExpression ?? "",
    actionClass: asset.actionClass,
    toolName: asset.toolName ?? "",
  };
}

export function assetRequestOf(values: AssetFormValues): Partial<CreateAssetRequest> {
  return {
    ...values,
    kind: values.kind ?? undefined,
    licenceExpression: values.licenceExpression.trim() === "" ? null : values.licenceExpression.trim(),
    // Only tools carry an action class and a call name; another kind sends none.
    actionClass: values.kind === "tool" ? values.actionClass : null,
    toolName: values.kind === "tool" && values.toolName.trim() !== "" ? values.toolName.trim() : null,
  };
}
