import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { SystemFilter, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { DriftReportsTable } from "./drift-reports-table";

/** How to make a first report: on a workstation or in CI with the CLI, or here from uploaded samples. */
function NoReportsYet({ canWrite }: { canWrite: boolean }) {
  return (
    <Card withBorder component="section" aria-labelledby="drift-empty-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="drift-empty-heading">
          No drift reports yet
        </Title>
        <Text size="sm">
          A drift report compares the data an AI system was built on (the reference) with the data it sees in operation
          (the current data), column by column, and says which columns shifted. Each report is filed as evidence of
          monitoring (control A.6.2.6, clause 9.1) and its scores become metrics you can set thresholds on.
        </Text>
        <Text size="sm">Make one where your data is, then upload it with an API token:</Text>
        <Text size="sm" component="pre" style={{ whiteSpace: "pre-wrap" }}>
          <code>
            aims drift report --reference reference.parquet --current current.parquet --out drift{"\n"}
            aims drift upload --system SYSTEM-SLUG --report drift
          </code>
        </Text>
        <Text size="sm">
          Or let this server compute it: upload a reference and a current sample of a dataset (CSV, Parquet or JSON
          Lines), or compare the reference with a window of the system's telemetry.
        </Text>
        {canWrite && (
          <Group>
            <Button component={Link} to="run">
              Compute a report on the server
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Every drift report of the organisation, newest first, optionally of one AI system. */
export default function DriftListPage() {
  const { orgId, can } = useOrg();
  const filters = useFilterParams(["system"] as const);
  const systemId = filters.bind("system").value;
  const list = usePagedQuery(["drift", orgId, "reports", { systemId }], (cursor) =>
    callApi(routes.listDriftReports, { params: { orgId }, query: { systemId, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <PageHeader title="Drift">
        {can("governance.write") && (
          <Button component={Link} to="run">
            Compute a report
          </Button>
        )}
      </PageHeader>
      <Text c="dimmed">
        Data and prediction drift of AI systems: reports uploaded from <code>aims drift report</code> or computed by
        this server from data samples and telemetry.
      </Text>
      <SystemFilter orgId={orgId} maw={320} {...filters.bind("system")} />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        systemId ? (
          <Text>No drift reports of this AI system yet.</Text>
        ) : (
          <NoReportsYet canWrite={can("governance.write")} />
        )
      ) : (
        <DriftReportsTable orgId={orgId} reports={list.items} />
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
