import { Group, Stack, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import type { usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ExportLinks } from "./export-links";
import { InventoryNav } from "./inventory-nav";

type PagedList = Omit<ReturnType<typeof usePagedQuery>, "items">;

interface Props {
  title: string;
  /** Buttons beside the title, e.g. "New asset"; only for people who may write. */
  actions: ReactNode;
  /** What the search box looks in, e.g. "Name or description". */
  searchHint: string;
  search: string;
  onSearchChange: (search: string) => void;
  /** Filters after the search box. */
  filters: ReactNode;
  /** The list's export route path and what it exports, for the CSV/XLSX links. */
  exportPath: string;
  exportWhat: string;
  list: PagedList;
  /** The table of the items loaded so far. */
  table: ReactNode;
}

/** An inventory register page: tabs, title, search and filters, export links, the table and "load more". */
export function InventoryListLayout(props: Props) {
  const { orgId, can } = useOrg();
  const { list } = props;
  return (
    <Stack>
      <InventoryNav />
      <PageHeader title={props.title}>{can("governance.write") && props.actions}</PageHeader>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            description={props.searchHint}
            type="search"
            value={props.search}
            onChange={(event) => props.onSearchChange(event.currentTarget.value)}
          />
          {props.filters}
        </Group>
        <ExportLinks path={props.exportPath} orgId={orgId} what={props.exportWhat} />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : props.table}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
