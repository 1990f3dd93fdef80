import { Card, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ActionList } from "./action-list";
import { CertificationPathCard } from "./certification-path-card";
import { CoverageBadge } from "./coverage-badge";
import { ReadinessItems } from "./readiness-items";

/**
 * How ready the management system is for certification: the path in order, then what to do as a
 * short list of acts, each closing every gap it can; the per-clause, per-control and per-system
 * detail sits behind the other tabs.
 */
export function ReadinessPage() {
  const { orgId } = useOrg();
  const query = useQuery({
    queryKey: ["readiness", orgId],
    queryFn: () => callApi(routes.getReadiness, { params: { orgId } }),
    // Derived from every module's records, which other pages change without knowing of this query.
    staleTime: 0,
  });
  return (
    <Stack>
      <PageHeader title="Readiness" />
      <CertificationPathCard compact />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : (
        <>
          <Card withBorder>
            <Group justify="space-between">
              <div>
                <Title order={2} size="h4">
                  Coverage
                </Title>
                <Text size="sm" c="dimmed">
                  {query.data.overall.met} of {query.data.overall.total} checks met · catalogue{" "}
                  {query.data.catalogueVersion}
                </Text>
              </div>
              <CoverageBadge coverage={query.data.overall} name="Overall readiness" />
            </Group>
          </Card>
          <Tabs defaultValue="actions">
            <Tabs.List>
              <Tabs.Tab value="actions">What to do ({query.data.actions.length})</Tabs.Tab>
              <Tabs.Tab value="clauses">Clauses 4–10</Tabs.Tab>
              <Tabs.Tab value="annex-a">Annex A</Tabs.Tab>
              <Tabs.Tab value="systems">AI systems</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="actions" pt="md">
              <ActionList orgId={orgId} readiness={query.data} />
            </Tabs.Panel>
            <Tabs.Panel value="clauses" pt="md">
              <ReadinessItems items={query.data.clauses} />
            </Tabs.Panel>
            <Tabs.Panel value="annex-a" pt="md">
              <ReadinessItems items={query.data.areas} />
            </Tabs.Panel>
            <Tabs.Panel value="systems" pt="md">
              <ReadinessItems items={query.data.systems} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
