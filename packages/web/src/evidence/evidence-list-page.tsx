import { Alert, Button, Group, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { EvidenceFilters, type EvidenceFilterValues } from "./evidence-filters";
import { EvidenceTable } from "./evidence-table";
import { ExportMenu } from "./export-menu";

/** Filters other pages link with, e.g. /evidence?controlId=… from a control. */
const linkFilters = [
  { param: "controlId", label: "a control" },
  { param: "clauseId", label: "clause" },
  { param: "riskId", label: "a risk" },
  { param: "systemId", label: "an AI system" },
  { param: "assetId", label: "an inventory asset" },
] as const;

export default function EvidenceListPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<EvidenceFilterValues>({
    search: "",
    state: null,
    source: null,
    kind: null,
    status: "active",
  });
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const linked = Object.fromEntries(linkFilters.map(({ param }) => [param, params.get(param) ?? undefined]));
  const active = linkFilters.find(({ param }) => linked[param]);
  const query = {
    ...linked,
    q: q || undefined,
    state: filters.state ?? undefined,
    source: filters.source ?? undefined,
    kind: filters.kind ?? undefined,
    status: filters.status,
  };
  const list = usePagedQuery(["evidence", orgId, query], (cursor) =>
    callApi(routes.listEvidence, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );

  return (
    <Stack>
      <PageHeader title="Evidence">
        <Group>
          <Button component={Link} to="attention" variant="default">
            Needs attention
          </Button>
          <ExportMenu />
          {can("governance.write") && (
            <Button component={Link} to="new">
              Add evidence
            </Button>
          )}
        </Group>
      </PageHeader>
      {active && (
        <Alert color="blue" title="Filtered">
          <Group justify="space-between">
            <span>
              Showing evidence linked to {active.label}
              {active.param === "clauseId" ? ` ${linked.clauseId}` : ""}.
            </span>
            <Button size="xs" variant="default" onClick={() => setParams({})}>
              Show all evidence
            </Button>
          </Group>
        </Alert>
      )}
      <EvidenceFilters values={filters} onChange={setFilters} />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <EvidenceTable evidence={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
