import { Group, Select, TextInput } from "@mantine/core";
import { type EvidenceKind, type EvidenceSource, type EvidenceValidityState, enumOptions } from "@openaims/contracts";
import { sourceLabel } from "./evidence-format";

export interface EvidenceFilterValues {
  search: string;
  state: EvidenceValidityState | null;
  source: EvidenceSource | null;
  kind: EvidenceKind | null;
  status: "active" | "archived" | "all";
}

const stateOptions = [
  { value: "current", label: "Current" },
  { value: "expiring", label: "Expiring soon" },
  { value: "expired", label: "Expired" },
];
const sourceOptions = (["manual", "api", "engine"] as const).map((value) => ({ value, label: sourceLabel(value) }));
const kindOptions = enumOptions("evidenceKind");
const statusOptions = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All" },
];

interface Props {
  values: EvidenceFilterValues;
  onChange: (values: EvidenceFilterValues) => void;
}

/** Search and filters above the evidence list. */
export function EvidenceFilters({ values, onChange }: Props) {
  const set = <K extends keyof EvidenceFilterValues>(key: K, value: EvidenceFilterValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        description="Title, reference or file name"
        type="search"
        value={values.search}
        onChange={(event) => set("search", event.currentTarget.value)}
      />
      <Select<EvidenceValidityState>
        label="Validity"
        placeholder="Any"
        data={stateOptions as { value: EvidenceValidityState; label: string }[]}
        value={values.state}
        onChange={(value) => set("state", value)}
        clearable
      />
      <Select<EvidenceSource>
        label="Source"
        placeholder="Any"
        data={sourceOptions}
        value={values.source}
        onChange={(value) => set("source", value)}
        clearable
      />
      <Select<EvidenceKind>
        label="Kind"
        placeholder="Any"
        data={kindOptions}
        value={values.kind}
        onChange={(value) => set("kind", value)}
        clearable
      />
      <Select<EvidenceFilterValues["status"]>
        label="Status"
        data={statusOptions as { value: EvidenceFilterValues["status"]; label: string }[]}
        value={values.status}
        onChange={(value) => set("status", value ?? "active")}
        allowDeselect={false}
      />
    </Group>
  );
}
