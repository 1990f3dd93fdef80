import { Anchor, Badge, Group, Text } from "@mantine/core";
import { type DueItem, enumLabels } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";

/** Calendar days ('YYYY-MM-DD') are shown as that day wherever the reader is, so formatted in UTC. */
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A 'YYYY-MM-DD' day in the reader's language: "1 Jun 2026". */
export function formatDay(value: string): string {
  return day.format(new Date(`${value}T00:00:00Z`));
}

/** When an item is due, in words: "Overdue since 1 Jun 2026", "Due 20 Jun 2026", or nothing when undated. */
export function dueText(item: Pick<DueItem, "dueDate" | "overdue">): string {
  if (item.dueDate === null) return "";
  return item.overdue ? `Overdue since ${formatDay(item.dueDate)}` : `Due ${formatDay(item.dueDate)}`;
}

/** One thing that waits on the member: its kind, a link to where it is done, and when it is due. */
export function DueItemLine({ item }: { item: DueItem }) {
  const { orgId } = useOrg();
  const due = dueText(item);
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Badge variant="light" color={item.overdue ? "red" : "gray"} size="sm">
        {enumLabels.reminderKind[item.kind]}
      </Badge>
      <Anchor component={Link} to={`/o/${orgId}/${item.path}`} size="sm">
        {item.ref ? `${item.ref} ` : ""}
        {item.title}
      </Anchor>
      {due && (
        <Text span size="sm" c={item.overdue ? "red.8" : "dimmed"} fw={item.overdue ? 600 : undefined}>
          {due}
        </Text>
      )}
    </Group>
  );
}
