import { Alert, Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { HistoryTable } from "./history-table";
import { impactPaths } from "./impact-labels";
import { StartAssessmentButton } from "./start-assessment-button";
import { SystemStateBadge } from "./state-badge";

/** One AI system: where it stands, and the history of its assessment revisions. */
export default function SystemAssessmentsPage() {
  const { orgId, can } = useOrg();
  const systemId = useParams().systemId ?? "";
  const status = useQuery({
    queryKey: ["impact-assessments", orgId, "overview", { systemId }],
    queryFn: () => callApi(routes.listSystemImpactStatuses, { params: { orgId }, query: { systemId, limit: 1 } }),
  });
  const history = usePagedQuery(["impact-assessments", orgId, "history", systemId], (cursor) =>
    callApi(routes.listSystemImpactAssessments, {
      params: { orgId, systemId },
      query: { cursor, limit: PAGE_SIZE },
    }),
  );
  const current = status.data?.items[0];
  const name = current?.system.name ?? history.items[0]?.system.name ?? "AI system";

  return (
    <Stack>
      <Anchor component={Link} to={impactPaths.overview(orgId)} size="sm">
        All impact assessments
      </Anchor>
      <PageHeader title={`Impact assessment: ${name}`}>
        {current && !current.open && can("governance.write") && (
          <Group>
            <StartAssessmentButton
              systemId={systemId}
              systemName={name}
              size="sm"
              label={current.approved ? "Start new revision" : "Start assessment"}
            />
            {current.approved && (
              <StartAssessmentButton
                systemId={systemId}
                systemName={name}
                size="sm"
                variant="default"
                startFrom="blank"
                label="Start blank revision"
              />
            )}
          </Group>
        )}
      </PageHeader>
      {status.error && <ErrorAlert error={status.error} title="The system could not be loaded" />}
      {current && (
        <Group gap="xs">
          <Text>State:</Text>
          <SystemStateBadge state={current.state} />
        </Group>
      )}
      {current?.staleReason && (
        <Alert color="red" title="Reassessment needed">
          {current.staleReason}
        </Alert>
      )}
      {status.data && !current && !history.isPending && history.items.length === 0 && (
        <Alert color="gray">This system is archived or does not exist in this organisation.</Alert>
      )}
      <Title order={2} size="h3">
        Revisions
      </Title>
      {history.error && <ErrorAlert error={history.error} title="The history could not be loaded" />}
      {history.isPending ? <PageLoader /> : <HistoryTable revisions={history.items} />}
      <LoadMore hasMore={history.hasMore} loading={history.isLoadingMore} onLoadMore={history.loadMore} />
    </Stack>
  );
}
