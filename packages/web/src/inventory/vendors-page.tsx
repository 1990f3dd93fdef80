import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
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
import { customerDataTrainingLabels, optionsOf } from "./inventory-labels";
import { InventoryNav } from "./inventory-nav";
import { VendorsTable } from "./vendors-table";

type Training = keyof typeof customerDataTrainingLabels;

/** The vendor AI register (A.10), filtered by name or by whether vendors train on the organisation's data. */
export default function VendorsPage() {
  const { orgId, can } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [training, setTraining] = useState<Training | null>(null);
  const query = { q: q || undefined, trainsOnCustomerData: training ?? undefined };
  const list = usePagedQuery(["vendors", orgId, query], (cursor) =>
    callApi(routes.listVendors, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title="AI vendors">
        {can("governance.write") && (
          <Button component={Link} to={`/o/${orgId}/inventory/vendors/new`}>
            New vendor
          </Button>
        )}
      </PageHeader>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            description="Name or services"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select<Training>
            label="Trains on our data"
            placeholder="Any answer"
            data={optionsOf(customerDataTrainingLabels)}
            value={training}
            onChange={setTraining}
            clearable
          />
        </Group>
        <ExportLinks path={routes.exportVendors.path} orgId={orgId} what="AI vendors" />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <VendorsTable vendors={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
