import type { AiSystem } from "@openaims/contracts";
import { formatDate, formatDateTime } from "../ui/format";
import { DetailList } from "./detail-list";
import {
  autonomyLabels,
  capabilityLabels,
  dataCategoryLabels,
  highImpactReasonLabels,
  lifecycleStageLabels,
  systemRoleLabels,
} from "./inventory-labels";

const listOf = <K extends string>(keys: K[], labels: Record<K, string>) => keys.map((key) => labels[key]).join("; ");

/** Everything recorded about a system, read-only. */
export function SystemOverview({ system }: { system: AiSystem }) {
  return (
    <DetailList
      caption="System details"
      items={[
        { label: "Slug", value: system.slug },
        { label: "Description", value: system.description },
        { label: "Purpose", value: system.purpose },
        { label: "Intended use", value: system.intendedUse },
        { label: "Limitations", value: system.limitations },
        { label: "Our role", value: systemRoleLabels[system.ourRole] },
        { label: "Lifecycle stage", value: lifecycleStageLabels[system.lifecycleStage] },
        { label: "High-impact reasons", value: listOf(system.highImpactReasons, highImpactReasonLabels) },
        { label: "Data categories", value: listOf(system.dataCategories, dataCategoryLabels) },
        { label: "Capabilities", value: listOf(system.capabilities, capabilityLabels) },
        { label: "Autonomy", value: autonomyLabels[system.autonomy] },
        { label: "Human oversight", value: system.humanOversight },
        { label: "Customer-facing", value: system.customerFacing ? "Yes" : "No" },
        { label: "Owner", value: system.owner ? `${system.owner.name} (${system.owner.email})` : "" },
        { label: "Next review", value: system.reviewDate ? formatDate(system.reviewDate) : "" },
        { label: "Last material change", value: formatDateTime(system.materialChangedAt) },
        { label: "Version", value: String(system.version) },
      ]}
    />
  );
}
