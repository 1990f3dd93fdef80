import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from "@mantine/core";
import type { VendorConnector } from "@openaims/contracts";

interface Props {
  connectors: VendorConnector[];
  onChange: (connectors: VendorConnector[]) => void;
  error?: string;
}

/** The vendor's connections into the organisation's systems, each with what it may do there. */
export function VendorConnectorsField({ connectors, onChange, error }: Props) {
  const update = (index: number, patch: Partial<VendorConnector>) =>
    onChange(connectors.map((connector, i) => (i === index ? { ...connector, ...patch } : connector)));
  return (
    <Fieldset legend="Connectors and their permissions">
      <Stack gap="xs">
        {connectors.length === 0 && <Text size="sm">No connectors recorded.</Text>}
        {connectors.map((connector, index) => (
          // Connectors have no id of their own; their position is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} align="flex-end" wrap="wrap">
            <TextInput
              label={`Connector ${index + 1} name`}
              value={connector.name}
              onChange={(event) => update(index, { name: event.currentTarget.value })}
              w={240}
            />
            <TextInput
              label={`Connector ${index + 1} permissions`}
              description="What it may read or do, e.g. “read tickets, post replies”."
              value={connector.permissions}
              onChange={(event) => update(index, { permissions: event.currentTarget.value })}
              w={360}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Remove connector ${index + 1}`}
              onClick={() => onChange(connectors.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="default" size="xs" onClick={() => onChange([...connectors, { name: "", permissions: "" }])}>
            Add connector
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
