import { Button, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { customerDataTrainingLabels, optionsOf } from "./inventory-labels";
import { InventoryListLayout } from "./inventory-list-layout";
import { VendorsTable } from "./vendors-table";

type Training = keyof typeof customerDataTrainingLabels;

/** The vendor AI register (A.10), filtered by name or by whether vendors train on the organisation's data. */
export default function VendorsPage() {
  const { orgId } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [training, setTraining] = useState<Training | null>(null);
  const query = { q: q || undefined, trainsOnCustomerData: training ?? undefined };
  const list = usePagedQuery(["vendors", orgId, query], (cursor) =>
    callApi(routes.listVendors, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <InventoryListLayout
      title="AI vendors"
      actions={
        <Button component={Link} to={`/o/${orgId}/inventory/vendors/new`}>
          New vendor
        </Button>
      }
      searchHint="Name or services"
      search={search}
      onSearchChange={setSearch}
      filters={
        <Select<Training>
          label="Trains on our data"
          placeholder="Any answer"
          data={optionsOf(customerDataTrainingLabels)}
          value={training}
          onChange={setTraining}
          clearable
        />
      }
      exportPath={routes.exportVendors.path}
      exportWhat="AI vendors"
      list={list}
      table={<VendorsTable vendors={list.items} />}
    />
  );
}
