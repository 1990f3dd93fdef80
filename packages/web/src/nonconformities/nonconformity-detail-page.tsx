import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { AnalysisForm } from "./analysis-form";
import { CorrectiveActionsSection } from "./corrective-actions-section";
import { EffectivenessSection } from "./effectiveness-section";
import { NonconformityHistory } from "./nonconformity-history";
import { severityTone, statusTone } from "./nonconformity-tones";
import { SourceLink } from "./source-link";
import { useNonconformity } from "./use-nonconformity-data";

/** One nonconformity: its facts, correction and root cause, corrective actions, effectiveness checks, history. */
export default function NonconformityDetailPage() {
  const { orgId, can } = useOrg();
  const { nonconformityId = "" } = useParams();
  const query = useNonconformity(orgId, nonconformityId);
  if (query.error) return <ErrorAlert error={query.error} title="Could not load the nonconformity" />;
  if (!query.data) return <PageLoader />;
  const nc = query.data;
  const editable = can("governance.write") && nc.status !== "closed";

  return (
    <Stack gap="lg">
      <PageHeader title={`${nc.ref} ${nc.title}`}>
        <Group>
          <Button component={Link} to={`/o/${orgId}/nonconformities`} variant="default">
            Back to nonconformities
          </Button>
          {can("governance.write") && (
            <Button
              component={Link}
              to={`/o/${orgId}/nonconformities/improvements?source=nonconformity&sourceId=${nc.id}`}
              variant="default"
            >
              Log an improvement
            </Button>
          )}
        </Group>
      </PageHeader>
      <Card withBorder component="section" aria-labelledby="nc-facts-heading">
        <Title order={2} size="h3" id="nc-facts-heading" mb="sm">
          Facts
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Status">
            <StatusBadge of="nonconformityStatus" value={nc.status} tone={statusTone[nc.status]} />
          </Fact>
          <Fact label="Severity">
            <StatusBadge of="nonconformitySeverity" value={nc.severity} tone={severityTone[nc.severity]} />
            {nc.redteamSeverity && (
              <Text size="xs" c="dimmed">
                Finding rated {nc.redteamSeverity}
              </Text>
            )}
          </Fact>
          <Fact label="Source">
            <SourceLink orgId={orgId} kind="nonconformitySource" {...nc} />
          </Fact>
          <Fact label="AI system">{nc.system?.name ?? "—"}</Fact>
          <Fact label="Raised">
            {formatDateTime(nc.createdAt)}
            {nc.raisedBy ? ` by ${nc.raisedBy.name}` : ""}
          </Fact>
          <Fact label="Closed">{nc.closedAt ? formatDateTime(nc.closedAt) : "—"}</Fact>
        </SimpleGrid>
        {nc.description && (
          <Text mt="md" style={{ whiteSpace: "pre-wrap" }}>
            {nc.description}
          </Text>
        )}
        {nc.missing.length > 0 && (
          <>
            <Text mt="md" fw={500}>
              Before it can close, it needs:
            </Text>
            <List size="sm">
              {nc.missing.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </>
        )}
      </Card>
      <AnalysisForm orgId={orgId} nonconformity={nc} editable={editable} />
      <CorrectiveActionsSection orgId={orgId} nonconformity={nc} editable={editable} />
      <EffectivenessSection orgId={orgId} nonconformity={nc} canWrite={can("governance.write")} />
      {can("audit_trail.read") && <NonconformityHistory orgId={orgId} nonconformityId={nc.id} />}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={4} align="baseline" wrap="wrap">
      <Text size="sm" c="dimmed" w="100%">
        {label}
      </Text>
      {typeof children === "string" ? <Text size="sm">{children}</Text> : children}
    </Group>
  );
}
