import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ScansTable } from "./scans-table";

/** Every red-team scan of the organisation, newest first; `?system=` narrows to one AI system. */
export default function ScanListPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const system = params.get("system") ?? undefined;
  const list = usePagedQuery(["redteam", orgId, "scans", { system }], (cursor) =>
    callApi(routes.listRedteamScans, { params: { orgId }, query: { system, cursor, limit: PAGE_SIZE } }),
  );
  const systemName = list.items[0]?.system.name;

  return (
    <Stack>
      <PageHeader title="Security tests">
        <Group>
          <Button component={Link} to="nonconformities" variant="default">
            Nonconformities
          </Button>
          {can("governance.write") && (
            <Button component={Link} to={system ? `run?system=${system}` : "run"}>
              Run a scan
            </Button>
          )}
        </Group>
      </PageHeader>
      <Text c="dimmed">
        Red-team scans of your AI systems: uploaded from <code>aims redteam</code> or run by this server. Each one is
        evidence for control A.6.2.4; its findings can become risks or nonconformities.
      </Text>
      {system && (
        <Alert color="blue" title="Filtered">
          <Group justify="space-between">
            <span>Showing the scans of {systemName ?? "one AI system"}.</span>
            <Button size="xs" variant="default" onClick={() => setParams({})}>
              Show all scans
            </Button>
          </Group>
        </Alert>
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <ScansTable orgId={orgId} scans={list.items} showSystem={!system} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
