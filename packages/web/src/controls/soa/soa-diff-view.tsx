import { Badge, List, Stack, Table, Text } from "@mantine/core";
import { labelOrValue, type SoaDiff, type SoaRow } from "@openaims/contracts";
import { applicabilityLabel } from "../control-labels";

const fieldLabels: Record<keyof SoaRow, string> = {
  ref: "Reference",
  title: "Title",
  kind: "Kind",
  areaId: "Area",
  applicable: "Applicability",
  justification: "Justification",
  implementationStatus: "Implementation",
  effectiveStatus: "Effective status",
  evidenceState: "Evidence",
  owner: "Owner",
  riskRefs: "Risks",
  evidenceRefs: "Evidence items",
  overrideReason: "Override reason",
};

/** The enum each field's values belong to, so stable keys such as not_applicable show as their labels. */
const fieldEnums = {
  kind: "controlKind",
  implementationStatus: "implementationStatus",
  effectiveStatus: "effectiveStatus",
  evidenceState: "evidenceState",
} as const;

const show = (field: string, value: unknown): string => {
  if (field === "applicable" && (value === null || typeof value === "boolean")) return applicabilityLabel(value);
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const labelled = fieldEnums[field as keyof typeof fieldEnums];
  return labelled ? labelOrValue(labelled, String(value)) : String(value);
};

/** Added, removed and changed rows between two states of the SoA. */
export function SoaDiffView({ diff }: { diff: Pick<SoaDiff, "added" | "removed" | "changed"> }) {
  if (!diff.added.length && !diff.removed.length && !diff.changed.length) return <Text>No differences.</Text>;
  return (
    <Stack gap="sm">
      {diff.added.length > 0 && (
        <div>
          <Badge color="green">Added</Badge>
          <List size="sm">
            {diff.added.map((row) => (
              <List.Item key={row.ref}>{`${row.ref} ${row.title}`}</List.Item>
            ))}
          </List>
        </div>
      )}
      {diff.removed.length > 0 && (
        <div>
          <Badge color="red">Removed</Badge>
          <List size="sm">
            {diff.removed.map((row) => (
              <List.Item key={row.ref}>{`${row.ref} ${row.title}`}</List.Item>
            ))}
          </List>
        </div>
      )}
      {diff.changed.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Control</Table.Th>
                <Table.Th scope="col">Field</Table.Th>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {diff.changed.flatMap((row) =>
                row.changes.map((change) => (
                  <Table.Tr key={`${row.ref}-${change.field}`}>
                    <Table.Td>{row.ref}</Table.Td>
                    <Table.Td>{fieldLabels[change.field as keyof SoaRow] ?? change.field}</Table.Td>
                    <Table.Td>{show(change.field, change.before)}</Table.Td>
                    <Table.Td>{show(change.field, change.after)}</Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
