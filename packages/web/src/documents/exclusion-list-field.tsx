import { Button, CloseButton, Group, Stack, TextInput } from "@mantine/core";
import type { ScopeExclusion } from "@openaims/contracts";

interface Props {
  value: ScopeExclusion[];
  errors: Record<string, string>;
  onChange: (value: ScopeExclusion[]) => void;
}

/** What the AIMS leaves out, each with the reason. */
export function ExclusionListField({ value, errors, onChange }: Props) {
  const set = (index: number, patch: Partial<ScopeExclusion>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="xs">
      {value.map((exclusion, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; order is their identity while editing
        <Group key={index} align="flex-start" wrap="nowrap">
          <TextInput
            label={`Excluded ${index + 1}`}
            required
            style={{ flex: 1 }}
            value={exclusion.item}
            onChange={(e) => set(index, { item: e.currentTarget.value })}
            error={errors[`exclusions.${index}.item`]}
          />
          <TextInput
            label={`Reason for exclusion ${index + 1}`}
            required
            style={{ flex: 2 }}
            value={exclusion.reason}
            onChange={(e) => set(index, { reason: e.currentTarget.value })}
            error={errors[`exclusions.${index}.reason`]}
          />
          <CloseButton
            mt={26}
            aria-label={`Remove exclusion ${index + 1}`}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          />
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...value, { item: "", reason: "" }])}>
          Add exclusion
        </Button>
      </Group>
    </Stack>
  );
}
