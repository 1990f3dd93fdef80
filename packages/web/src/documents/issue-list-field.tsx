import { Button, Card, CloseButton, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { ScopeIssue } from "@openaims/contracts";

interface Props {
  /** Singular name of one entry, e.g. "Internal issue". */
  noun: string;
  /** Key of the list in the scope content, for error messages. */
  field: string;
  hint: string;
  value: ScopeIssue[];
  errors: Record<string, string>;
  onChange: (value: ScopeIssue[]) => void;
}

/** An editable list of context issues, each a short title with optional detail. */
export function IssueListField({ noun, field, hint, value, errors, onChange }: Props) {
  const set = (index: number, patch: Partial<ScopeIssue>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {value.map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; order is their identity while editing
        <Card key={index} withBorder p="sm">
          <Group align="flex-start" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1 }}>
              <TextInput
                label={`${noun} ${index + 1}`}
                required
                value={issue.title}
                onChange={(e) => set(index, { title: e.currentTarget.value })}
                error={errors[`${field}.${index}.title`]}
              />
              <Textarea
                label={`How ${noun.toLowerCase()} ${index + 1} affects the AIMS`}
                autosize
                minRows={1}
                value={issue.detail}
                onChange={(e) => set(index, { detail: e.currentTarget.value })}
                error={errors[`${field}.${index}.detail`]}
              />
            </Stack>
            <CloseButton
              aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            />
          </Group>
        </Card>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...value, { title: "", detail: "" }])}>
          Add {noun.toLowerCase()}
        </Button>
      </Group>
    </Stack>
  );
}
