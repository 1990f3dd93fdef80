import { MultiSelect } from "@mantine/core";
import { errorMessage } from "../api/api-error";
import { useSystemOptions } from "./use-system-options";

interface Props {
  value: string[];
  /** Systems already named, so ones archived since still show their names. */
  known: { id: string; name: string }[];
  error?: string | undefined;
  onChange: (value: string[]) => void;
}

/** Picks the AI systems of the inventory that the AIMS covers. */
export function ScopeSystemPicker({ value, known, error, onChange }: Props) {
  const systems = useSystemOptions();
  const options = [...(systems.data ?? [])];
  for (const system of known)
    if (!options.some((o) => o.value === system.id))
      options.push({ value: system.id, label: `${system.name} (archived)` });
  return (
    <MultiSelect
      label="AI systems in scope"
      description="From the AI system inventory."
      placeholder={systems.isPending ? "Loading…" : "Search to add"}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No AI system by that name"
      error={error ?? (systems.error ? `Could not load the inventory: ${errorMessage(systems.error)}` : undefined)}
    />
  );
}
