import { Button, Group, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ExportMenu } from "./export-menu";
import { RiskFilters, type RiskFilterValues, type StatusFilter } from "./risk-filters";
import { RisksTable } from "./risks-table";
import { useMemberOptions, useSystemOptions } from "./use-risk-data";

/** Filters live in the URL (`?systemId=…&status=…`), so other pages can link to a filtered register. */
function filtersFrom(params: URLSearchParams): RiskFilterValues {
  return {
    search: params.get("q") ?? "",
    systemId: params.get("systemId"),
    status: (params.get("status") as StatusFilter | null) ?? "active",
    rating: params.get("rating") as RiskFilterValues["rating"],
    ownerId: params.get("ownerId"),
    needsReview: params.get("needsReview") === "true",
  };
}

export default function RiskRegisterPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const systems = useSystemOptions(orgId);
  const members = useMemberOptions(orgId);
  const query = {
    q: q || undefined,
    systemId: filters.systemId ?? undefined,
    status: filters.status,
    rating: filters.rating ?? undefined,
    ownerId: filters.ownerId ?? undefined,
    needsReview: filters.needsReview ? ("true" as const) : undefined,
  };
  const list = usePagedQuery(["risks", orgId, "list", query], (cursor) =>
    callApi(routes.listRisks, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );

  const setFilters = (next: RiskFilterValues) => {
    const entries = {
      q: next.search,
      systemId: next.systemId,
      status: next.status === "active" ? null : next.status,
      rating: next.rating,
      ownerId: next.ownerId,
      needsReview: next.needsReview ? "true" : null,
    };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(entries)) if (value) search.set(key, value);
    setParams(search, { replace: true });
  };

  return (
    <Stack>
      <PageHeader title="Risk register">
        <Group>
          <Button component={Link} to="method" variant="default">
            Risk method
          </Button>
          {filters.systemId && (
            <Button component={Link} to={`threat-model/${filters.systemId}`} variant="default">
              Threat model
            </Button>
          )}
          <ExportMenu orgId={orgId} />
          {can("governance.write") && (
            <Button component={Link} to={filters.systemId ? `new?systemId=${filters.systemId}` : "new"}>
              New risk
            </Button>
          )}
        </Group>
      </PageHeader>
      <RiskFilters values={filters} onChange={setFilters} systems={systems.data ?? []} members={members.data ?? []} />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <RisksTable risks={list.items} orgId={orgId} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
