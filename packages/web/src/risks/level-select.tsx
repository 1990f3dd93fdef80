import { Select } from "@mantine/core";
import type { ScaleLevel } from "@openaims/contracts";

interface Props {
  label: string;
  levels: ScaleLevel[];
  value: number | null;
  onChange: (level: number | null) => void;
  error?: string;
}

/** Picks a level of one of the method's scales, showing its number and label. */
export function LevelSelect({ label, levels, value, onChange, error }: Props) {
  return (
    <Select
      label={label}
      placeholder="Not rated"
      data={levels.map((level, index) => ({ value: String(index + 1), label: `${index + 1} · ${level.label}` }))}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(next === null ? null : Number(next))}
      clearable
      error={error}
      w={200}
    />
  );
}
