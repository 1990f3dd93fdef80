import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { EnumFilter, FilterBar, SystemFilter, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ModelScansTable } from "./model-scans-table";

/** How to record a first scan: from the CLI where the model files are, or by uploading a file on an asset. */
function NoScansYet() {
  return (
    <Card withBorder component="section" aria-labelledby="model-scans-empty-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="model-scans-empty-heading">
          No model scans yet
        </Title>
        <Text size="sm">
          A model file can run code when it is loaded: a pickle, a PyTorch checkpoint or a Keras Lambda layer does
          whatever it was built to do. A model scan reads each file by its content, reports anything that would run code
          or break its format, and is filed as evidence on your supply-chain controls (A.10.3 Suppliers, A.7.5 Data
          provenance and the resource control of the asset).
        </Text>
        <Text size="sm">
          Scan the files where they are and upload the result with an API token (AIMS_URL, AIMS_TOKEN):
        </Text>
        <Text size="sm" component="pre" style={{ whiteSpace: "pre-wrap" }}>
          <code>aims model scan ./models/credit-scorer --upload --asset "credit-scorer-v3" --system SYSTEM-SLUG</code>
        </Text>
        <Text size="sm">
          Or open a model asset in the inventory and upload one file there: this server scans it and deletes it.
        </Text>
      </Stack>
    </Card>
  );
}

/** Every model scan of the organisation, newest first, filtered by AI system and verdict. */
export default function ModelScanListPage() {
  const { orgId } = useOrg();
  const filters = useFilterParams(["system", "verdict", "asset"] as const);
  const system = filters.bind("system").value;
  const asset = filters.bind("asset").value;
  const verdict = filters.bind("verdict").value as "unsafe" | "review" | "incomplete" | "clean" | undefined;
  const list = usePagedQuery(["model-scans", orgId, "list", { system, verdict, asset }], (cursor) =>
    callApi(routes.listModelScans, { params: { orgId }, query: { system, verdict, asset, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <PageHeader title="Model scans" />
      <Text c="dimmed">
        Scans of model files for code that runs when they are loaded, broken formats and signature checks: uploaded from{" "}
        <code>aims model scan</code> or run by this server on an uploaded file. Each finding can become a risk or a
        nonconformity.
      </Text>
      <FilterBar>
        <SystemFilter orgId={orgId} maw={320} {...filters.bind("system")} />
        <EnumFilter of="modelScanVerdict" label="Verdict" maw={240} {...filters.bind("verdict")} />
      </FilterBar>
      {asset && (
        <Alert color="blue" title="Filtered">
          <Group justify="space-between">
            <span>Showing the scans of {list.items[0]?.asset?.name ?? "one asset"}.</span>
            <Button size="xs" variant="default" onClick={() => filters.setFilter("asset", null)}>
              Show all assets
            </Button>
          </Group>
        </Alert>
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        filters.filtered ? (
          <Text>No model scans match these filters.</Text>
        ) : (
          <NoScansYet />
        )
      ) : (
        <ModelScansTable orgId={orgId} scans={list.items} />
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
