import { Select, Stack, Text } from "@mantine/core";

interface Props<T extends string> {
  label: string;
  value: T | null;
  labels: Record<T, string>;
  descriptions: Record<T, string>;
  onChange: (value: T | null) => void;
  error?: string;
}

/** Choose a point on one of the assessment's scales; each option explains itself. */
export function LevelSelect<T extends string>({ label, value, labels, descriptions, onChange, error }: Props<T>) {
  const data = (Object.keys(labels) as T[]).map((key) => ({ value: key, label: labels[key] }));
  return (
    <Select<T>
      label={label}
      placeholder="Choose"
      data={data}
      value={value}
      onChange={onChange}
      clearable
      description={value ? descriptions[value] : undefined}
      error={error}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {option.label}
          </Text>
          <Text size="xs">{descriptions[option.value]}</Text>
        </Stack>
      )}
      w={{ base: "100%", sm: 240 }}
    />
  );
}
