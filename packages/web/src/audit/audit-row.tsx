import { Button, Code, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { labelOf } from "@openaims/contracts";
import { formatDateTime } from "../ui/format";
import { AuditChanges } from "./audit-changes";
import type { AuditEntry } from "./audit-types";

/** One audit entry; its changes open in a row underneath. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const [opened, { toggle }] = useDisclosure(false);
  const fields = Object.keys(entry.changes).length;
  const detailsId = `audit-changes-${entry.id}`;
  return (
    <>
      <Table.Tr>
        <Table.Td>{entry.seq}</Table.Td>
        <Table.Td>
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.actor.label}</Text>
          <Text size="xs">
            {labelOf("actorType", entry.actor.type)}
            {entry.actor.id && <> · {entry.actor.id}</>}
          </Text>
        </Table.Td>
        <Table.Td>
          <Code>{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{entry.entityType}</Text>
          {entry.entityId && <Text size="xs">{entry.entityId}</Text>}
        </Table.Td>
        <Table.Td>
          {fields > 0 ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={toggle}
              aria-expanded={opened}
              aria-controls={opened ? detailsId : undefined}
            >
              {opened ? "Hide" : "Show"} {fields} {fields === 1 ? "change" : "changes"}
            </Button>
          ) : (
            <Text size="sm">None</Text>
          )}
        </Table.Td>
      </Table.Tr>
      {opened && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={6}>
            <AuditChanges entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
