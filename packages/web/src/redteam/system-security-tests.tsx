import { Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { ScansTable } from "./scans-table";
import { TrendSparkline } from "./trend-sparkline";

interface Props {
  orgId: string;
  systemId: string;
  writable: boolean;
}

/** The "Security tests" tab of an AI system: its trend, its latest scans, and how to add one. */
export function SystemSecurityTests({ orgId, systemId, writable }: Props) {
  const trend = useQuery({
    queryKey: ["redteam", orgId, "trend", systemId],
    queryFn: () => callApi(routes.getRedteamTrend, { params: { orgId, systemId }, query: { limit: 20 } }),
  });
  const scans = useQuery({
    queryKey: ["redteam", orgId, "scans", { system: systemId, limit: 20 }],
    queryFn: () => callApi(routes.listRedteamScans, { params: { orgId }, query: { system: systemId, limit: 20 } }),
  });

  const error = trend.error ?? scans.error;
  if (error) return <ErrorAlert error={error} title="Could not load the security tests" />;
  if (!trend.data || !scans.data) return <PageLoader />;

  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="redteam-trend-heading">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="redteam-trend-heading">
              Trend
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              Vulnerable cases found by each finished red-team scan of this system.
            </Text>
          </div>
          {writable && (
            <Button component={Link} to={`/o/${orgId}/security-tests/run?system=${systemId}`} variant="default">
              Run a scan
            </Button>
          )}
        </Group>
        <TrendSparkline points={trend.data.points} />
      </Card>
      <section aria-labelledby="redteam-history-heading">
        <Title order={2} size="h4" id="redteam-history-heading" mb="xs">
          Scan history
        </Title>
        <ScansTable orgId={orgId} scans={scans.data.items} showSystem={false} />
        {scans.data.nextCursor && (
          <Anchor component={Link} to={`/o/${orgId}/security-tests?system=${systemId}`}>
            All scans of this system
          </Anchor>
        )}
      </section>
      <Text size="sm" c="dimmed">
        Scans started here, and scans run with <code>aims redteam --upload --system</code> for this system, are recorded
        here; each scan adds one evidence record for control A.6.2.4 and the controls its probes test.
      </Text>
    </Stack>
  );
}
