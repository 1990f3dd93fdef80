import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type AssetKind, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AssetsTable } from "./assets-table";
import { ExportLinks } from "./export-links";
import { assetKindLabels, optionsOf } from "./inventory-labels";
import { InventoryNav } from "./inventory-nav";

/** Models, datasets, prompts, agents, tools and vendor services, filtered by kind or text. */
export default function AssetsPage() {
  const { orgId, can } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<AssetKind | null>(null);
  const [archived, setArchived] = useState(false);
  const query = {
    q: q || undefined,
    kind: kind ?? undefined,
    archived: archived ? ("all" as const) : ("false" as const),
  };
  const list = usePagedQuery(["assets", orgId, query], (cursor) =>
    callApi(routes.listAssets, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="AI assets">
        {can("governance.write") && (
          <Button component={Link} to={`/o/${orgId}/inventory/assets/new`}>
            New asset
          </Button>
        )}
      </PageHeader>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            description="Name or description"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select<AssetKind>
            label="Kind"
            placeholder="Any kind"
            data={optionsOf(assetKindLabels)}
            value={kind}
            onChange={setKind}
            clearable
          />
          <Select
            label="Status"
            data={[
              { value: "active", label: "In use" },
              { value: "all", label: "Include archived" },
            ]}
            value={archived ? "all" : "active"}
            onChange={(value) => setArchived(value === "all")}
            allowDeselect={false}
          />
        </Group>
        <ExportLinks path={routes.exportAssets.path} orgId={orgId} what="AI assets" />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <AssetsTable assets={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
