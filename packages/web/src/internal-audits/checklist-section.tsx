import { Accordion, Group, Select, Stack, Text, Title } from "@mantine/core";
import { type ChecklistItem, enumOptions, type InternalAuditDetail } from "@openaims/contracts";
import { useCatalogue } from "../catalogue/catalogue-queries";
import { FilterBar, useFilterParams } from "../ui/list-filters";
import { StatusBadge } from "../ui/status-badge";
import { resultTone } from "./audit-tones";
import { ChecklistItemForm } from "./checklist-item-form";
import { useEvidenceOptions } from "./use-audit-data";

const showOptions = [{ value: "unanswered", label: "Unanswered" }, ...enumOptions("auditResult")];

/** The group an item is listed under: its top-level clause ("4") or its Annex A area ("A.6"). */
function groupOf(item: ChecklistItem): string {
  const parts = item.requirementId.split(".");
  return item.requirementKind === "clause" ? (parts[0] as string) : `${parts[0]}.${parts[1]}`;
}

/**
 * The checklist grouped by clause and by Annex A area, each item a panel with its procedure, pass
 * criterion and answer form; "Show" filters by result (kept in the URL).
 */
export function ChecklistSection({
  orgId,
  audit,
  canWrite,
}: {
  orgId: string;
  audit: InternalAuditDetail;
  canWrite: boolean;
}) {
  const catalogue = useCatalogue();
  const { params, bind } = useFilterParams(["result"] as const);
  const evidence = useEvidenceOptions(orgId, canWrite && audit.status === "in_progress");
  const show = params.get("result");
  const items = audit.items.filter((item) =>
    show === null ? true : show === "unanswered" ? item.result === null : item.result === show,
  );
  const titles = new Map<string, string>([
    ...(catalogue.data?.clauses ?? []).map((clause) => [clause.id, `Clause ${clause.id} ${clause.title}`] as const),
    ...(catalogue.data?.annexA.areas ?? []).map((area) => [area.id, `Annex ${area.id} ${area.title}`] as const),
  ]);
  const groups: { key: string; items: ChecklistItem[] }[] = [];
  for (const item of items) {
    const key = groupOf(item);
    const group = groups.find((g) => g.key === key);
    if (group) group.items.push(item);
    else groups.push({ key, items: [item] });
  }

  return (
    <Stack component="section" aria-labelledby="checklist-heading" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="checklist-heading">
          Checklist
        </Title>
        <FilterBar>
          <Select label="Show" placeholder="All items" data={showOptions} clearable {...bind("result")} value={show} />
        </FilterBar>
      </Group>
      {items.length === 0 && (
        <Text>No checklist item has this result. Choose another in "Show", or clear it to see every item.</Text>
      )}
      {groups.map((group) => (
        <Stack key={group.key} gap="xs">
          <Title order={3} size="h4">
            {titles.get(group.key) ?? group.key}
          </Title>
          <Accordion
            multiple
            variant="separated"
            chevronPosition="left"
            keepMounted={false}
            order={4}
            transitionDuration={0}
          >
            {group.items.map((item) => (
              <Accordion.Item key={item.id} value={item.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={500}>
                      {item.requirementId} {item.title}
                    </Text>
                    <Group gap="xs" wrap="nowrap">
                      {item.assignee && (
                        <Text size="xs" c="dimmed">
                          {item.assignee.name}
                        </Text>
                      )}
                      {item.result ? (
                        <StatusBadge of="auditResult" value={item.result} tone={resultTone[item.result]} />
                      ) : (
                        <StatusBadge tone="neutral">Unanswered</StatusBadge>
                      )}
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ChecklistItemForm
                    key={`${item.id}-${item.version}`}
                    orgId={orgId}
                    audit={audit}
                    item={item}
                    canWrite={canWrite}
                    evidenceOptions={evidence.data ?? []}
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      ))}
    </Stack>
  );
}
