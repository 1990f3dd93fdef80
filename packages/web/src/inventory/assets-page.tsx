import { Button, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type AssetKind, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { AssetsTable } from "./assets-table";
import { assetKindLabels, optionsOf } from "./inventory-labels";
import { InventoryListLayout } from "./inventory-list-layout";

/** Models, datasets, prompts, agents, tools and vendor services, filtered by kind or text. */
export default function AssetsPage() {
  const { orgId } = useOrg();
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
    <InventoryListLayout
      title="AI assets"
      actions={
        <Button component={Link} to={`/o/${orgId}/inventory/assets/new`}>
          New asset
        </Button>
      }
      searchHint="Name or description"
      search={search}
      onSearchChange={setSearch}
      filters={
        <>
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
        </>
      }
      exportPath={routes.exportAssets.path}
      exportWhat="AI assets"
      list={list}
      table={<AssetsTable assets={list.items} />}
    />
  );
}
