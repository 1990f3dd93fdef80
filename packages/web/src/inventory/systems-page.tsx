import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ImpactTier, type LifecycleStage, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ExportLinks } from "./export-links";
import { impactTierLabels, lifecycleStageLabels, optionsOf } from "./inventory-labels";
import { InventoryNav } from "./inventory-nav";
import { SystemsTable } from "./systems-table";

type Archived = "false" | "true" | "all";
const archivedOptions = [
  { value: "false", label: "In use" },
  { value: "true", label: "Archived" },
  { value: "all", label: "All" },
];

/** The AI systems register with its filters, and the ways in and out: register, import, export. */
export default function SystemsPage() {
  const { orgId, can } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [impactTier, setImpactTier] = useState<ImpactTier | null>(null);
  const [lifecycleStage, setLifecycleStage] = useState<LifecycleStage | null>(null);
  const [archived, setArchived] = useState<Archived>("false");
  const filters = {
    q: q || undefined,
    impactTier: impactTier ?? undefined,
    lifecycleStage: lifecycleStage ?? undefined,
  };
  const list = usePagedQuery(["systems", orgId, { ...filters, archived }], (cursor) =>
    callApi(routes.listSystems, { params: { orgId }, query: { ...filters, archived, cursor, limit: PAGE_SIZE } }),
  );

  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="AI systems">
        {can("governance.write") && (
          <Group gap="xs">
            <Button component={Link} to={`/o/${orgId}/inventory/systems/new`}>
              Register AI system
            </Button>
            <Button component={Link} to={`/o/${orgId}/inventory/systems/import`} variant="default">
              Import
            </Button>
          </Group>
        )}
      </PageHeader>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            description="Name, slug or description"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select<ImpactTier>
            label="Impact tier"
            placeholder="Any tier"
            data={optionsOf(impactTierLabels)}
            value={impactTier}
            onChange={setImpactTier}
            clearable
          />
          <Select<LifecycleStage>
            label="Lifecycle stage"
            placeholder="Any stage"
            data={optionsOf(lifecycleStageLabels)}
            value={lifecycleStage}
            onChange={setLifecycleStage}
            clearable
          />
          <Select
            label="Status"
            data={archivedOptions}
            value={archived}
            onChange={(value) => setArchived((value as Archived | null) ?? "false")}
            allowDeselect={false}
          />
        </Group>
        <ExportLinks path={routes.exportSystems.path} orgId={orgId} what="AI systems" />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <SystemsTable systems={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
