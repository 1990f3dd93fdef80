import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageLoader } from "../ui/page-loader";
import { EvidenceTable } from "./evidence-table";

/**
 * The evidence linked to one inventory asset (model scans file theirs here), newest first, with a link
 * to the evidence library filtered to the asset.
 */
export function AssetEvidenceCard({ assetId }: { assetId: string }) {
  const { orgId } = useOrg();
  const query = { assetId, status: "active" as const };
  const list = usePagedQuery(["evidence", orgId, query], (cursor) =>
    callApi(routes.listEvidence, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Card withBorder component="section" aria-labelledby="asset-evidence-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id="asset-evidence-heading">
            Evidence
          </Title>
          <Anchor component={Link} to={`/o/${orgId}/evidence?assetId=${assetId}`} size="sm">
            Open in the evidence library
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          Records, files and links filed on this asset, such as model scans and reviews of its model card.
        </Text>
        {list.error && <ErrorAlert error={list.error} />}
        {list.isPending ? (
          <PageLoader />
        ) : (
          <EvidenceTable
            evidence={list.items}
            hrefOf={(id) => `/o/${orgId}/evidence/${id}`}
            emptyText="No evidence is linked to this asset yet."
          />
        )}
        <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </Stack>
    </Card>
  );
}
