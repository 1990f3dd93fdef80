import { Anchor, Group } from "@mantine/core";
import type { AiAsset } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { type DetailItem, DetailList } from "./detail-list";
import { assetKindLabels, dataCategoryLabels } from "./inventory-labels";

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
