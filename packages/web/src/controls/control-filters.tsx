import { Group, Select, TextInput } from "@mantine/core";
import {
  type EvidenceState,
  evidenceStates,
  type ImplementationStatus,
  implementationStatuses,
} from "@openaims/contracts";
import { annexAAreaOptions, evidenceLabels, implementationLabels } from "./control-labels";

export type Applicability = "applicable" | "not_applicable" | "undecided";

export interface ControlFilterValues {
  search: string;
  area: string | null;
  applicability: Applicability | null;
  implementationStatus: ImplementationStatus | null;
  evidenceState: EvidenceState | null;
}

export const emptyControlFilters: ControlFilterValues = {
  search: "",
  area: null,
  applicability: null,
  implementationStatus: null,
  evidenceState: null,
};

interface Props {
  value: ControlFilterValues;
  onChange: (value: ControlFilterValues) => void;
}

/** Search and filter controls for the controls list. */
export function ControlFilters({ value, onChange }: Props) {
  const set = <K extends keyof ControlFilterValues>(key: K, next: ControlFilterValues[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        description="Control id or title"
        type="search"
        value={value.search}
        onChange={(event) => set("search", event.currentTarget.value)}
      />
      <Select
        label="Area"
        placeholder="All areas"
        data={annexAAreaOptions}
        value={value.area}
        onChange={(v) => set("area", v)}
        clearable
      />
      <Select<Applicability>
        label="Applicability"
        placeholder="Any"
        data={[
          { value: "applicable", label: "Applicable" },
          { value: "not_applicable", label: "Not applicable" },
          { value: "undecided", label: "Undecided" },
        ]}
        value={value.applicability}
        onChange={(v) => set("applicability", v)}
        clearable
      />
      <Select<ImplementationStatus>
        label="Implementation"
        placeholder="Any"
        data={implementationStatuses.map((s) => ({ value: s, label: implementationLabels[s] }))}
        value={value.implementationStatus}
        onChange={(v) => set("implementationStatus", v)}
        clearable
      />
      <Select<EvidenceState>
        label="Evidence"
        placeholder="Any"
        data={evidenceStates.map((s) => ({ value: s, label: evidenceLabels[s] }))}
        value={value.evidenceState}
        onChange={(v) => set("evidenceState", v)}
        clearable
      />
    </Group>
  );
}
