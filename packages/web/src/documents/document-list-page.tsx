import { Button, Group, Select, Stack, Switch, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type DocumentKind, type DocumentStatus, documentKinds, documentStatuses, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { kindLabels, statusLabels } from "./document-labels";
import { DocumentsNav } from "./documents-nav";
import { DocumentsTable } from "./documents-table";
import { useCreateFromTemplate } from "./use-create-from-template";

export default function DocumentListPage() {
  const { orgId, can } = useOrg();
  const fromTemplate = useCreateFromTemplate();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [status, setStatus] = useState<DocumentStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [archived, setArchived] = useState(false);
  const query = {
    q: q || undefined,
    kind: kind ?? undefined,
    status: status ?? undefined,
    overdue: overdue ? ("true" as const) : undefined,
    archived: archived ? ("all" as const) : ("active" as const),
  };
  const list = usePagedQuery(["documents", orgId, query], (cursor) =>
    callApi(routes.listDocuments, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );

  return (
    <Stack>
      <PageHeader title="Documents">
        {can("governance.write") && (
          <Group>
            <Button variant="default" loading={fromTemplate.isPending} onClick={() => fromTemplate.mutate("ai_policy")}>
              New from AI policy template
            </Button>
            <Button component={Link} to="new">
              New document
            </Button>
          </Group>
        )}
      </PageHeader>
      <DocumentsNav />
      {fromTemplate.error && <ErrorAlert error={fromTemplate.error} title="Could not create the AI policy" />}
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          description="Title or reference"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Select<DocumentKind>
          label="Kind"
          placeholder="All kinds"
          data={documentKinds.map((value) => ({ value, label: kindLabels[value] }))}
          value={kind}
          onChange={setKind}
          clearable
        />
        <Select<DocumentStatus>
          label="Status"
          placeholder="All statuses"
          data={documentStatuses.map((value) => ({ value, label: statusLabels[value] }))}
          value={status}
          onChange={setStatus}
          clearable
        />
        <Switch
          label="Only overdue reviews"
          checked={overdue}
          onChange={(event) => setOverdue(event.currentTarget.checked)}
          mb={8}
        />
        <Switch
          label="Include archived"
          checked={archived}
          onChange={(event) => setArchived(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <DocumentsTable documents={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
