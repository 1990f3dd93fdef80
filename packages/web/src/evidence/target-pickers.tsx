import { MultiSelect, SimpleGrid } from "@mantine/core";
import type { EvidenceTargetType } from "@openaims/contracts";
import { errorMessage } from "../api/api-error";
import type { FieldErrors } from "../api/form-errors";
import type { TargetSelection } from "./evidence-types";
import { useLinkTargets } from "./use-link-targets";

const pickers: { type: EvidenceTargetType; field: keyof TargetSelection; label: string }[] = [
  { type: "control", field: "controlIds", label: "Controls" },
  { type: "clause", field: "clauseIds", label: "Clauses" },
  { type: "risk", field: "riskIds", label: "Risks" },
  { type: "system", field: "systemIds", label: "AI systems" },
  { type: "asset", field: "assetIds", label: "Inventory assets" },
];

function TargetPicker({
  type,
  label,
  value,
  onChange,
  error,
}: {
  type: EvidenceTargetType;
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const options = useLinkTargets(type);
  return (
    <MultiSelect
      label={label}
      placeholder={options.isPending ? "Loading…" : "Search to add"}
      data={options.data ?? []}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="Nothing found"
      error={error ?? (options.error ? `Could not load the list: ${errorMessage(options.error)}` : undefined)}
    />
  );
}

interface Props {
  value: TargetSelection;
  onChange: (value: TargetSelection) => void;
  errors: FieldErrors;
}

/** What new evidence is linked to: controls, clauses, risks, AI systems and inventory assets. */
export function TargetPickers({ value, onChange, errors }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {pickers.map(({ type, field, label }) => (
        <TargetPicker
          key={type}
          type={type}
          label={label}
          value={value[field]}
          onChange={(next) => onChange({ ...value, [field]: next })}
          error={errors[field]}
        />
      ))}
    </SimpleGrid>
  );
}
