import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { MAX_SCALE_LEVELS, MIN_SCALE_LEVELS, type ScaleLevel } from "@openaims/contracts";

interface Props {
  name: "Likelihood" | "Impact";
  levels: ScaleLevel[];
  readOnly: boolean;
  error?: string;
  onChange: (levels: ScaleLevel[]) => void;
  onAdd: () => void;
  onRemove: () => void;
}

/** The levels of one scale, lowest first, each with a label and a description. */
export function ScaleEditor({ name, levels, readOnly, error, onChange, onAdd, onRemove }: Props) {
  const headingId = `${name.toLowerCase()}-scale-heading`;
  const update = (index: number, patch: Partial<ScaleLevel>) =>
    onChange(levels.map((level, i) => (i === index ? { ...level, ...patch } : level)));
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {name} scale
      </Title>
      <Text size="sm" c="dimmed">
        {MIN_SCALE_LEVELS} to {MAX_SCALE_LEVELS} levels, lowest first.
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {levels.map((level, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a level is identified by its position on the scale.
        <Group key={`${name}-${index + 1}`} align="flex-start" wrap="nowrap">
          <TextInput
            label={`${name} level ${index + 1} label`}
            value={level.label}
            onChange={(e) => update(index, { label: e.currentTarget.value })}
            readOnly={readOnly}
            required
            w={180}
          />
          <TextInput
            label={`${name} level ${index + 1} description`}
            value={level.description}
            onChange={(e) => update(index, { description: e.currentTarget.value })}
            readOnly={readOnly}
            style={{ flex: 1 }}
          />
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button variant="default" size="xs" onClick={onAdd} disabled={levels.length >= MAX_SCALE_LEVELS}>
            Add {name.toLowerCase()} level
          </Button>
          <Button variant="default" size="xs" onClick={onRemove} disabled={levels.length <= MIN_SCALE_LEVELS}>
            Remove highest {name.toLowerCase()} level
          </Button>
        </Group>
      )}
    </Stack>
  );
}
