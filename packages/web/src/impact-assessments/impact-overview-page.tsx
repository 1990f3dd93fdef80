import { Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { enumOptions, routes, type SystemImpactState } from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { SystemStatusTable } from "./system-status-table";

type StateFilter = SystemImpactState | "attention";

const stateOptions: { value: StateFilter; label: string }[] = [
  { value: "attention", label: "Needs attention" },
  ...enumOptions("systemImpactState"),
];

/** Every AI system with where it stands on impact assessment (6.1.4, A.5). */
export default function ImpactOverviewPage() {
  const { orgId } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState<StateFilter | null>(null);
  const list = usePagedQuery(["impact-assessments", orgId, "overview", { q, state }], (cursor) =>
    callApi(routes.listSystemImpactStatuses, {
      params: { orgId },
      query: { q: q || undefined, state: state ?? undefined, cursor, limit: PAGE_SIZE },
    }),
  );

  return (
    <Stack>
      <PageHeader title="Impact assessments" />
      <Text maw={760}>
        Each AI system needs an approved assessment of its effects on individuals, groups and society. An approval goes
        stale when the system changes in a way that matters; reassess it then.
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search systems"
          description="Name or handle"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Select<StateFilter>
          label="Filter by state"
          placeholder="All states"
          data={stateOptions}
          value={state}
          onChange={setState}
          clearable
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} title="The systems could not be loaded" />}
      {list.isPending ? <PageLoader /> : <SystemStatusTable systems={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
