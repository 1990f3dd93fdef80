import { Card, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { CertificationPathCard } from "./certification-path-card";
import { CoverageBadge } from "./coverage-badge";
import { GapList } from "./gap-list";
import { ReadinessItems } from "./readiness-items";

/** How ready the management system is for certification, and what to do next. */
export function ReadinessPage() {
  const { orgId } = useOrg();
  const query = useQuery({
    queryKey: ["readiness", orgId],
    queryFn: () => callApi(routes.getReadiness, { params: { orgId } }),
  });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const readiness = query.data;
  return (
    <Stack>
      <PageHeader title="Readiness" />
      <CertificationPathCard />
      <Card withBorder>
        <Group justify="space-between">
          <div>
            <Title order={2} size="h4">
              Overall
            </Title>
            <Text size="sm" c="dimmed">
              {readiness.gaps.length} gap(s) · catalogue {readiness.catalogueVersion}
            </Text>
          </div>
          <CoverageBadge coverage={readiness.overall} name="Overall readiness" />
        </Group>
      </Card>
      <Tabs defaultValue="gaps">
        <Tabs.List>
          <Tabs.Tab value="gaps">Gaps ({readiness.gaps.length})</Tabs.Tab>
          <Tabs.Tab value="clauses">Clauses 4–10</Tabs.Tab>
          <Tabs.Tab value="annex-a">Annex A</Tabs.Tab>
          <Tabs.Tab value="systems">AI systems</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="gaps" pt="md">
          <GapList orgId={orgId} gaps={readiness.gaps} />
        </Tabs.Panel>
        <Tabs.Panel value="clauses" pt="md">
          <ReadinessItems items={readiness.clauses} />
        </Tabs.Panel>
        <Tabs.Panel value="annex-a" pt="md">
          <ReadinessItems items={readiness.areas} />
        </Tabs.Panel>
        <Tabs.Panel value="systems" pt="md">
          <ReadinessItems items={readiness.systems} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
