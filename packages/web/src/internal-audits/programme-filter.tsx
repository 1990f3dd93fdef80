import { Select } from "@mantine/core";

/** A clearable "Programme" filter over the organisation's active programmes. */
export function ProgrammeFilter({
  options,
  value,
  onChange,
}: {
  options: readonly { id: string; ref: string; title: string }[];
  value: string | undefined;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select
      label="Programme"
      placeholder="Any programme"
      data={options.map((programme) => ({ value: programme.id, label: `${programme.ref} ${programme.title}` }))}
      value={value ?? null}
      onChange={onChange}
      clearable
      searchable
    />
  );
}
