import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import type { ReadinessAction, ReadinessView } from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import {
  type ActionFilters,
  areaOfRef,
  matchesFilters,
  placeLabel,
  placeOf,
  type SeverityFilter,
  shortList,
} from "./action-filters";

const severityColour = { high: "red", medium: "yellow", low: "gray" } as const;
const severityText = { high: "High", medium: "Medium", low: "Low" } as const;

/**
 * What to do, one row per act, the first thing to do first. Each act names every clause, control
 * and system it serves and how many gaps it closes; filters narrow by severity, by what it serves
 * and by the module where it is done, and live in the URL so a filtered list can be shared.
 */
export function ActionList({ orgId, readiness }: { orgId: string; readiness: ReadinessView }) {
  const [params, setParams] = useSearchParams();
  const filters: ActionFilters = {
    severity: (params.get("severity") as SeverityFilter | null) ?? "all",
    serves: params.get("serves") ?? "all",
    place: params.get("place") ?? "all",
  };
  const setFilter = (name: keyof ActionFilters, value: string) => {
    // From the address bar, not the last render: two quick changes must not undo each other.
    const next = new URLSearchParams(window.location.search);
    if (value === "all") next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  const places = [...new Set(readiness.actions.map(placeOf))];
  const shown = readiness.actions.filter((action) => matchesFilters(action, filters));
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label="Severity"
          value={filters.severity}
          onChange={(event) => setFilter("severity", event.currentTarget.value)}
          data={[
            { value: "all", label: "All severities" },
            { value: "high", label: "High" },
            { value: "medium", label: "Medium" },
            { value: "low", label: "Low" },
          ]}
        />
        <NativeSelect
          label="Serves"
          value={filters.serves}
          onChange={(event) => setFilter("serves", event.currentTarget.value)}
          data={[
            { value: "all", label: "Everything" },
            { value: "clauses", label: "Clauses 4–10" },
            { value: "systems", label: "AI systems" },
            { group: "Annex A", items: readiness.areas.map((area) => ({ value: area.id, label: area.title })) },
          ]}
        />
        <NativeSelect
          label="Where"
          value={filters.place}
          onChange={(event) => setFilter("place", event.currentTarget.value)}
          data={[
            { value: "all", label: "Every module" },
            ...places.map((place) => ({ value: place, label: placeLabel(place) })),
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed" role="status">
        {shown.length === readiness.actions.length
          ? `${shown.length} actions close all ${readiness.gaps.length} gaps.`
          : `${shown.length} of ${readiness.actions.length} actions match.`}
      </Text>
      {readiness.actions.length === 0 ? (
        <Text>Nothing to do: every check is met.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Actions, the first thing to do first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>What to do</Table.Th>
                <Table.Th>Serves</Table.Th>
                <Table.Th>Closes</Table.Th>
                <Table.Th>Severity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((action) => (
                <Table.Tr key={action.key}>
                  <Table.Td>
                    <Anchor component={Link} to={`/o/${orgId}/${action.path}`} fw={500}>
                      {action.action}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      in {placeLabel(placeOf(action))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Serves action={action} serves={filters.serves} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{action.gapsClosed === 1 ? "1 gap" : `${action.gapsClosed} gaps`}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={severityColour[action.severity]} variant="light">
                      {severityText[action.severity]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** What an act serves; filtered to one Annex A area, only that area's controls are named. */
function Serves({ action, serves }: { action: ReadinessAction; serves: string }) {
  const inArea = action.areaIds.includes(serves);
  const refs = inArea ? action.controlRefs.filter((ref) => areaOfRef(ref) === serves) : action.controlRefs;
  const lines = [
    action.clauseIds.length > 0 &&
      `${action.clauseIds.length === 1 ? "Clause" : "Clauses"} ${shortList(action.clauseIds)}`,
    refs.length > 0 && `${refs.length === 1 ? "Control" : "Controls"} ${shortList(refs)}`,
    action.systems.length > 0 &&
      `${action.systems.length === 1 ? "System" : "Systems"} ${shortList(action.systems, 3)}`,
  ].filter((line): line is string => Boolean(line));
  return (
    <Stack gap={0}>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
