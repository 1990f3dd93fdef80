import { Checkbox, Group, Select, TextInput } from "@mantine/core";
import { labelOf, type RiskRating, riskRatings, riskStatusFilters } from "@openaims/contracts";
import { ratingLabels } from "./risk-labels";

export type StatusFilter = (typeof riskStatusFilters)[number];

export interface RiskFilterValues {
  search: string;
  systemId: string | null;
  status: StatusFilter;
  rating: RiskRating | null;
  ownerId: string | null;
  /** Only risks a material change or a monitoring rule sent back for review. */
  needsReview: boolean;
}

interface Props {
  values: RiskFilterValues;
  onChange: (values: RiskFilterValues) => void;
  systems: { value: string; label: string }[];
  members: { value: string; label: string }[];
}

const statusOptions = riskStatusFilters.map((value) => ({
  value,
  label:
    value === "active"
      ? "All but archived"
      : value === "open"
        ? "Open (not closed)"
        : labelOf("riskStatusFilter", value),
}));

/** The register's filters; every one is a labelled control. */
export function RiskFilters({ values, onChange, systems, members }: Props) {
  const set = (patch: Partial<RiskFilterValues>) => onChange({ ...values, ...patch });
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        description="Title or reference"
        type="search"
        value={values.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
      />
      <Select
        label="AI system"
        placeholder="All systems"
        data={systems}
        value={values.systemId}
        onChange={(systemId) => set({ systemId })}
        clearable
        searchable
      />
      <Select<StatusFilter>
        label="Status"
        data={statusOptions}
        value={values.status}
        onChange={(status) => set({ status: status ?? "active" })}
        allowDeselect={false}
      />
      <Select<RiskRating>
        label="Rating"
        placeholder="Any rating"
        data={riskRatings.map((value) => ({ value, label: ratingLabels[value] }))}
        value={values.rating}
        onChange={(rating) => set({ rating })}
        clearable
      />
      <Select
        label="Owner"
        placeholder="Anyone"
        data={members}
        value={values.ownerId}
        onChange={(ownerId) => set({ ownerId })}
        clearable
        searchable
      />
      <Checkbox
        label="Awaiting re-review"
        checked={values.needsReview}
        onChange={(event) => set({ needsReview: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
