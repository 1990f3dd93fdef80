import { Button, Checkbox, Group, Text } from "@mantine/core";
import type { ControlSelection } from "./use-control-selection";

interface Props {
  selection: ControlSelection;
  onDecide: (applicable: boolean) => void;
}

/** Select the controls shown and decide their applicability in one go. */
export function BulkApplicabilityBar({ selection, onDecide }: Props) {
  const count = selection.selected.length;
  return (
    <Group justify="space-between" wrap="wrap" role="group" aria-label="Bulk applicability">
      <Group gap="md">
        <Checkbox
          label="Select all shown"
          checked={selection.allShown}
          indeterminate={selection.someShown}
          disabled={selection.empty}
          onChange={selection.toggleAllShown}
        />
        <Text size="sm" aria-live="polite">
          {count === 1 ? "1 control selected" : `${count} controls selected`}
        </Text>
      </Group>
      <Group gap="sm">
        <Button variant="light" disabled={count === 0} onClick={() => onDecide(true)}>
          Mark applicable…
        </Button>
        <Button variant="default" disabled={count === 0} onClick={() => onDecide(false)}>
          Mark not applicable…
        </Button>
      </Group>
    </Group>
  );
}
