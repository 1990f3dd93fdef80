import { Button, Card, Checkbox, CloseButton, Group, Stack, Textarea, TextInput } from "@mantine/core";
import type { InterestedParty } from "@openaims/contracts";

interface Props {
  value: InterestedParty[];
  errors: Record<string, string>;
  onChange: (value: InterestedParty[]) => void;
}

const empty: InterestedParty = { name: "", needs: "", addressedThroughAims: true, howAddressed: "" };

/** Interested parties, what they need from the organisation's AI, and whether the AIMS takes it on. */
export function PartyListField({ value, errors, onChange }: Props) {
  const set = (index: number, patch: Partial<InterestedParty>) =>
    onChange(value.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const error = (index: number, key: string) => errors[`interestedParties.${index}.${key}`];
  return (
    <Stack gap="xs">
      {value.map((party, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; order is their identity while editing
        <Card key={index} withBorder p="sm">
          <Group align="flex-start" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1 }}>
              <TextInput
                label={`Interested party ${index + 1}`}
                required
                value={party.name}
                onChange={(e) => set(index, { name: e.currentTarget.value })}
                error={error(index, "name")}
              />
              <Textarea
                label={`Needs and expectations of party ${index + 1}`}
                required
                autosize
                minRows={1}
                value={party.needs}
                onChange={(e) => set(index, { needs: e.currentTarget.value })}
                error={error(index, "needs")}
              />
              <Checkbox
                label={`Party ${index + 1}'s needs are addressed through the AIMS`}
                checked={party.addressedThroughAims}
                onChange={(e) => set(index, { addressedThroughAims: e.currentTarget.checked })}
              />
              <TextInput
                label={
                  party.addressedThroughAims
                    ? `How they are addressed (party ${index + 1})`
                    : `Why not (party ${index + 1})`
                }
                value={party.howAddressed}
                onChange={(e) => set(index, { howAddressed: e.currentTarget.value })}
                error={error(index, "howAddressed")}
              />
            </Stack>
            <CloseButton
              aria-label={`Remove interested party ${index + 1}`}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            />
          </Group>
        </Card>
      ))}
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange([...value, { ...empty }])}>
          Add interested party
        </Button>
      </Group>
    </Stack>
  );
}
