import { Anchor, Group } from "@mantine/core";
import { type AiAsset, enumLabels, labelOf } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { type DetailItem, DetailList } from "./detail-list";
import { assetKindLabels, dataCategoryLabels } from "./inventory-labels";

/** The model card's main fields, as the AI-BOM carries them; empty fields are left out of the list's values. */
function modelCardItems(asset: AiAsset, orgId: string): DetailItem[] {
  const { modelParameters: parameters, quantitativeAnalysis, considerations } = asset.modelCard;
  const datasets = parameters?.datasets ?? [];
  const metric = (m: NonNullable<NonNullable<typeof quantitativeAnalysis>["performanceMetrics"]>[number]) =>
    `${m.type} ${m.value}${m.slice ? ` (${m.slice})` : ""}${m.confidenceInterval ? ` [${m.confidenceInterval.lowerBound}–${m.confidenceInterval.upperBound}]` : ""}`;
  return [
    { label: "Task", value: parameters?.task ?? "" },
    { label: "Approach", value: parameters?.approach ? labelOf("modelApproach", parameters.approach.type) : "" },
    {
      label: "Architecture",
      value: [parameters?.architectureFamily, parameters?.modelArchitecture].filter(Boolean).join(" — "),
    },
    {
      label: "Datasets",
      value:
        datasets.length === 0 ? (
          ""
        ) : (
          <Group gap="xs">
            {datasets.map((dataset, index) => (
              <Anchor key={dataset.assetId} component={Link} to={`/o/${orgId}/inventory/assets/${dataset.assetId}`}>
                {`Dataset ${index + 1}`}
              </Anchor>
            ))}
          </Group>
        ),
    },
    { label: "Performance", value: (quantitativeAnalysis?.performanceMetrics ?? []).map(metric).join("; ") },
    { label: "Technical limitations", value: (considerations?.technicalLimitations ?? []).join("; ") },
    {
      label: "Ethical considerations",
      value: (considerations?.ethicalConsiderations ?? [])
        .map((c) => (c.mitigationStrategy ? `${c.name} (mitigation: ${c.mitigationStrategy})` : c.name))
        .join("; "),
    },
  ];
}

/** An asset's record, read-only, with the systems that use it. */
export function AssetOverview({ asset }: { asset: AiAsset }) {
  const { orgId } = useOrg();
  const items: DetailItem[] = [
    { label: "Kind", value: assetKindLabels[asset.kind] },
    { label: "Description", value: asset.description },
    { label: "Version", value: asset.assetVersion },
    { label: "Owner", value: asset.owner ? `${asset.owner.name} (${asset.owner.email})` : "" },
    {
      label: "Vendor",
      value: asset.vendor ? (
        <Anchor component={Link} to={`/o/${orgId}/inventory/vendors/${asset.vendor.id}`}>
          {asset.vendor.name}
        </Anchor>
      ) : (
        ""
      ),
    },
    {
      label: "Used by",
      value:
        asset.systems.length === 0 ? (
          ""
        ) : (
          <Group gap="md">
            {asset.systems.map((system) => (
              <Anchor key={system.id} component={Link} to={`/o/${orgId}/inventory/systems/${system.id}`}>
                {system.name}
              </Anchor>
            ))}
          </Group>
        ),
    },
    { label: "Licence or terms", value: asset.licence },
  ];
  if (asset.kind === "model" || asset.kind === "dataset") {
    items.push({ label: "Licence (SPDX)", value: asset.licenceExpression ?? "" });
  }
  if (asset.kind === "tool") {
    items.push(
      { label: "Action class", value: asset.actionClass ? enumLabels.actionClass[asset.actionClass] : "" },
      { label: "Tool call name", value: asset.toolName ?? asset.name },
    );
  }
  if (asset.kind === "model" && Object.keys(asset.modelCard).length > 0) items.push(...modelCardItems(asset, orgId));
  if (asset.kind === "dataset") {
    items.push(
      { label: "Provenance", value: asset.provenance },
      { label: "How it was acquired", value: asset.acquisitionMethod },
      { label: "Data quality", value: asset.qualityNotes },
      { label: "Preparation", value: asset.preparationNotes },
      { label: "Data categories", value: asset.dataCategories.map((key) => dataCategoryLabels[key]).join("; ") },
    );
  }
  return <DetailList caption="Asset details" items={items} />;
}
