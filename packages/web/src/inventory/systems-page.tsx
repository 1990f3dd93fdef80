import { Button, Group, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type ImpactTier, type LifecycleStage, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { impactTierLabels, lifecycleStageLabels, optionsOf } from "./inventory-labels";
import { InventoryListLayout } from "./inventory-list-layout";
import { SystemsTable } from "./systems-table";

type Archived = "false" | "true" | "all";
const archivedOptions = [
  { value: "false", label: "In use" },
  { value: "true", label: "Archived" },
  { value: "all", label: "All" },
];

/** The AI systems register with its filters, and the ways in and out: register, import, export. */
export default function SystemsPage() {
  const { orgId } = useOrg();
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
    <InventoryListLayout
      title="AI systems"
      actions={
        <Group gap="xs">
          <Button component={Link} to={`/o/${orgId}/inventory/systems/new`}>
            Register AI system
          </Button>
          <Button component={Link} to={`/o/${orgId}/inventory/systems/import`} variant="default">
            Import
          </Button>
        </Group>
      }
      searchHint="Name, slug or description"
      search={search}
      onSearchChange={setSearch}
      filters={
        <>
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
        </>
      }
      exportPath={routes.exportSystems.path}
      exportWhat="AI systems"
      list={list}
      table={<SystemsTable systems={list.items} />}
    />
  );
}
