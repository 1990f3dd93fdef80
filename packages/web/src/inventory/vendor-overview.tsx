import { List } from "@mantine/core";
import type { Vendor } from "@openaims/contracts";
import { formatDate } from "../ui/format";
import { DetailList } from "./detail-list";
import { customerDataTrainingLabels, yesNoUnknownLabels } from "./inventory-labels";

/** A vendor's record, read-only. */
export function VendorOverview({ vendor }: { vendor: Vendor }) {
  return (
    <DetailList
      caption="Vendor details"
      items={[
        { label: "Website", value: vendor.website },
        { label: "Services used", value: vendor.services },
        { label: "AI features on by default", value: yesNoUnknownLabels[vendor.aiFeaturesOnByDefault] },
        { label: "Trains on our data", value: customerDataTrainingLabels[vendor.trainsOnCustomerData] },
        { label: "Data retention", value: vendor.dataRetention },
        {
          label: "Connectors",
          value:
            vendor.connectors.length === 0 ? (
              ""
            ) : (
              <List size="sm">
                {vendor.connectors.map((connector) => (
                  <List.Item key={connector.name}>
                    <strong>{connector.name}</strong>
                    {connector.permissions ? ` — ${connector.permissions}` : ""}
                  </List.Item>
                ))}
              </List>
            ),
        },
        { label: "Certifications", value: vendor.certifications.join("; ") },
        { label: "Last review", value: vendor.lastReviewDate ? formatDate(vendor.lastReviewDate) : "" },
        { label: "Next review", value: vendor.nextReviewDate ? formatDate(vendor.nextReviewDate) : "" },
        { label: "Review notes", value: vendor.reviewNotes },
        { label: "Assets from this vendor", value: String(vendor.assetCount) },
      ]}
    />
  );
}
