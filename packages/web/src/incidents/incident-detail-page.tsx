import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Fragment, type ReactNode, useState } from "react";
import { Link, useParams } from "react-router";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { CommunicationsSection } from "./communications-section";
import { EditIncidentModal } from "./edit-incident-modal";
import { IncidentSeverityBadge, IncidentStatusBadge } from "./incident-badges";
import { LinksSection } from "./links-section";
import { NonconformitiesSection } from "./nonconformities-section";
import { RootCauseSection } from "./root-cause-section";
import { StatusActions } from "./status-actions";
import { TimelineSection } from "./timeline-section";
import { useIncident } from "./use-incident";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** One incident: its facts, the next steps it may take, timeline, communications, links, root cause and nonconformities. */
export default function IncidentDetailPage() {
  const { orgId, can } = useOrg();
  const { incidentId = "" } = useParams();
  const incident = useIncident(orgId, incidentId);
  const [editing, setEditing] = useState(false);
  if (incident.error) return <ErrorAlert error={incident.error} title="Could not load the incident" />;
  if (!incident.data) return <PageLoader />;
  const data = incident.data;
  const canWrite = can("governance.write");

  return (
    <Stack gap="lg">
      <PageHeader title={`${data.ref} ${data.title}`}>
        <Group>
          {canWrite && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button component={Link} to={`/o/${orgId}/incidents`} variant="default">
            Back to incidents
          </Button>
        </Group>
      </PageHeader>
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Fact label="Status">
              <IncidentStatusBadge status={data.status} />
            </Fact>
            <Fact label="Severity">
              <IncidentSeverityBadge severity={data.severity} />
            </Fact>
            <Fact label="AI systems">
              {data.systems.length === 0
                ? "None named"
                : data.systems.map((system, index) => (
                    <Fragment key={system.id}>
                      {index > 0 && ", "}
                      <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${system.id}`}>
                        {system.name}
                      </Anchor>
                    </Fragment>
                  ))}
            </Fact>
            <Fact label="Reported by">{data.reportedBy?.name ?? "OpenAIMS (from an alert or a concern)"}</Fact>
            <Fact label="Detected">{formatDateTime(data.detectedAt)}</Fact>
            <Fact label="Began">{data.occurredAt ? formatDateTime(data.occurredAt) : "Not known"}</Fact>
            <Fact label="Resolved">{data.resolvedAt ? formatDateTime(data.resolvedAt) : "Not yet"}</Fact>
            <Fact label="Closed">{data.closedAt ? formatDateTime(data.closedAt) : "Not yet"}</Fact>
          </SimpleGrid>
          {data.description && <Text style={{ whiteSpace: "pre-wrap" }}>{data.description}</Text>}
          {canWrite && <StatusActions orgId={orgId} incident={data} />}
        </Stack>
      </Card>
      <TimelineSection orgId={orgId} incident={data} canWrite={canWrite} />
      <CommunicationsSection orgId={orgId} incident={data} canWrite={canWrite} />
      <RootCauseSection key={data.version} orgId={orgId} incident={data} canWrite={canWrite} />
      <LinksSection orgId={orgId} incident={data} canWrite={canWrite} />
      <NonconformitiesSection orgId={orgId} incident={data} canWrite={canWrite} />
      {editing && <EditIncidentModal orgId={orgId} incident={data} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
