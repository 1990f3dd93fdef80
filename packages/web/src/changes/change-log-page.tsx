import { Button, Select, Stack, Text } from "@mantine/core";
import { type ChangeKind, type ChangeStatus, routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { EnumFilter, FilterBar, SystemFilter, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ChangesTable } from "./changes-table";

const filterKeys = ["systemId", "status", "kind", "material"] as const;

/** Every change to the organisation's AI systems, newest first; filters live in the URL (`?systemId=…`). */
export default function ChangeLogPage() {
  const { orgId, can } = useOrg();
  const { params, setFilter, bind, filtered } = useFilterParams(filterKeys);
  const query = {
    systemId: params.get("systemId") ?? undefined,
    status: (params.get("status") as ChangeStatus | null) ?? undefined,
    kind: (params.get("kind") as ChangeKind | null) ?? undefined,
    material: (params.get("material") as "true" | "false" | null) ?? undefined,
  };
  const list = usePagedQuery(["changes", orgId, "list", query], (cursor) =>
    callApi(routes.listChanges, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const canWrite = can("governance.write");
  const empty = filtered ? (
    "No changes match these filters. Clear a filter to see more."
  ) : canWrite ? (
    <>
      No changes recorded yet. Record one here, or have your deploy pipeline run <code>aims change record</code>.
    </>
  ) : (
    "No changes recorded yet."
  );

  return (
    <Stack>
      <PageHeader title="Changes">
        {canWrite && (
          <Button component={Link} to={query.systemId ? `new?systemId=${query.systemId}` : "new"}>
            Record a change
          </Button>
        )}
      </PageHeader>
      <Text c="dimmed">
        Changes to AI systems and their approval. A material change sends the system's risks and impact assessment back
        for review at once, so its release gate fails until they are reviewed again.
      </Text>
      <FilterBar>
        <SystemFilter orgId={orgId} {...bind("systemId")} />
        <EnumFilter of="changeStatus" label="Status" {...bind("status")} />
        <EnumFilter of="changeKind" label="Kind" {...bind("kind")} />
        <Select
          label="Material"
          placeholder="Either"
          data={[
            { value: "true", label: "Material only" },
            { value: "false", label: "Not material only" },
          ]}
          value={query.material ?? null}
          onChange={(value) => setFilter("material", value)}
          clearable
        />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <ChangesTable orgId={orgId} changes={list.items} empty={empty} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
