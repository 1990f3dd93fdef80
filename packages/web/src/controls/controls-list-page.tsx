import { Button, Group, Stack } from "@mantine/core";
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
import { BulkApplicabilityBar } from "./bulk-applicability-bar";
import { BulkApplicabilityModal } from "./bulk-applicability-modal";
import { ControlFilters, type ControlFilterValues, emptyControlFilters } from "./control-filters";
import { ControlsTable } from "./controls-table";
import { useControlSelection } from "./use-control-selection";

/** Annex A and custom controls with filters and their effective status. */
export default function ControlsListPage() {
  const { orgId, can } = useOrg();
  const [filters, setFilters] = useState<ControlFilterValues>(emptyControlFilters);
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const { area, applicability, implementationStatus, evidenceState } = filters;
  const list = usePagedQuery(
    ["controls", orgId, { q, area, applicability, implementationStatus, evidenceState }],
    (cursor) =>
      callApi(routes.listControls, {
        params: { orgId },
        query: {
          q: q || undefined,
          area: area ?? undefined,
          applicability: applicability ?? undefined,
          implementationStatus: implementationStatus ?? undefined,
          evidenceState: evidenceState ?? undefined,
          cursor,
          limit: PAGE_SIZE,
        },
      }),
  );
  const basePath = `/o/${orgId}/controls`;
  const canWrite = can("governance.write");
  const selection = useControlSelection(list.items);
  const [deciding, setDeciding] = useState<boolean | null>(null);

  return (
    <Stack>
      <PageHeader title="Controls">
        <Group>
          <Button component={Link} to={`${basePath}/soa`} variant="default">
            Statement of Applicability
          </Button>
          {canWrite && (
            <Button component={Link} to={`${basePath}/new`}>
              New custom control
            </Button>
          )}
        </Group>
      </PageHeader>
      <ControlFilters value={filters} onChange={setFilters} />
      {list.error && <ErrorAlert error={list.error} />}
      {canWrite && <BulkApplicabilityBar selection={selection} onDecide={setDeciding} />}
      {list.isPending ? (
        <PageLoader />
      ) : (
        <ControlsTable controls={list.items} basePath={basePath} selection={canWrite ? selection : undefined} />
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      {canWrite && (
        <BulkApplicabilityModal
          orgId={orgId}
          applicable={deciding}
          controls={selection.selected}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            selection.clear();
          }}
        />
      )}
    </Stack>
  );
}
