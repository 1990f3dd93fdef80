import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { buildUrl, callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { DriftStatusBadge, originLabels } from "./drift-badges";
import { DriftColumnsTable } from "./drift-columns-table";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One drift report: what it compared, each column's statistics, the HTML report, its evidence and metrics. */
export default function DriftReportPage() {
  const { orgId } = useOrg();
  const { reportId = "" } = useParams();
  const query = useQuery({
    queryKey: ["drift", orgId, "report", reportId],
    queryFn: () => callApi(routes.getDriftReport, { params: { orgId, reportId } }),
    // A server-side report runs in the background; look again until it has finished.
    refetchInterval: (current) => (current.state.data?.report.status === "running" ? 2000 : false),
  });
  if (query.isPending) return <PageLoader />;
  if (query.error) {
    return (
      <Stack>
        <PageHeader title="Drift report" />
        <ErrorAlert error={query.error} title="Could not load this drift report" />
      </Stack>
    );
  }
  const { report, summary, metrics } = query.data;
  return (
    <Stack>
      <Anchor
        component={Link}
        to={report.system ? `/o/${orgId}/drift?system=${report.system.id}` : `/o/${orgId}/drift`}
      >
        Back to drift reports
      </Anchor>
      <PageHeader title={`${report.ref} · ${report.title}`} />
      <Card withBorder component="section" aria-label="About this report">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Status">
            <DriftStatusBadge status={report.status} />
          </Fact>
          <Fact label="AI system">{report.system?.name ?? "None"}</Fact>
          <Fact label="Dataset">{report.asset?.name ?? "None"}</Fact>
          <Fact label="Origin">{originLabels[report.origin]}</Fact>
          <Fact label="Finished">{report.completedAt ? formatDateTime(report.completedAt) : "Not yet"}</Fact>
          <Fact label="Drifted columns">
            {report.status === "completed" ? `${report.columnsDrifted} of ${report.columnsTotal}` : "—"}
          </Fact>
          {summary && (
            <>
              <Fact label="Reference">
                {summary.reference.source} ({summary.reference.rows.toLocaleString()} rows)
              </Fact>
              <Fact label="Current">
                {summary.current.source} ({summary.current.rows.toLocaleString()} rows)
              </Fact>
              <Fact label="Dataset drift">
                {summary.summary.datasetDrift ? "Yes" : "No"} (share {summary.summary.driftShare.toFixed(3)}, threshold{" "}
                {summary.thresholds.datasetDriftShare})
              </Fact>
            </>
          )}
          <Fact label="Evidence">
            {report.evidence ? (
              <Anchor component={Link} to={`/o/${orgId}/evidence/${report.evidence.id}`}>
                {report.evidence.ref}
              </Anchor>
            ) : (
              "None (a report files evidence when it has an AI system)"
            )}
          </Fact>
          {report.htmlSha256 && (
            <Fact label="HTML report SHA-256">
              <code style={{ wordBreak: "break-all" }}>{report.htmlSha256}</code>
            </Fact>
          )}
        </SimpleGrid>
      </Card>
      {report.status === "running" && (
        <Alert color="blue" title="Computing">
          The server is comparing the samples; this page updates when it has finished.
        </Alert>
      )}
      {report.status === "failed" && (
        <Alert color="red" title="The report failed">
          {report.error ?? "No reason was recorded."}
        </Alert>
      )}
      {summary && (
        <section aria-labelledby="drift-columns-heading">
          <Title order={2} size="h4" id="drift-columns-heading" mb="xs">
            Columns
          </Title>
          <DriftColumnsTable report={summary} />
        </section>
      )}
      {metrics.length > 0 && (
        <Card withBorder component="section" aria-labelledby="drift-metrics-heading">
          <Title order={2} size="h4" id="drift-metrics-heading" mb="xs">
            Metrics recorded
          </Title>
          <Text size="sm" mb="xs">
            Each score is an observation of a metric of the AI system; set its thresholds there to be alerted.
          </Text>
          <List size="sm">
            {metrics.map((metric) => (
              <List.Item key={metric.metricId}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/o/${orgId}/monitoring/metrics/${metric.metricId}`}>
                    {metric.name}
                  </Anchor>
                  <Text size="sm">{metric.value.toFixed(4)}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {report.htmlSha256 && (
        <section aria-labelledby="drift-html-heading">
          <Title order={2} size="h4" id="drift-html-heading" mb="xs">
            HTML report
          </Title>
          <iframe
            title={`HTML report of ${report.ref}`}
            src={buildUrl(routes.getDriftReportHtml.path, { orgId, reportId: report.id })}
            sandbox=""
            style={{ width: "100%", height: "80vh", border: "1px solid var(--mantine-color-default-border)" }}
          />
        </section>
      )}
    </Stack>
  );
}
