import { Alert, Anchor, Button, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type InternalAuditDetail, labelOf, routes } from "@openaims/contracts";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { buildUrl } from "../api/client";
import { useMe } from "../auth/me-context";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { AuditStatusActions } from "./audit-status-actions";
import { auditStatusTone } from "./audit-tones";
import { ChecklistSection } from "./checklist-section";
import { RaisedSection } from "./raised-section";
import { useAudit } from "./use-audit-data";

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

function ScopeFacts({ audit }: { audit: InternalAuditDetail }) {
  const whole = audit.scope.clauseIds.length === 0 && audit.scope.controlIds.length === 0;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <Fact label="Clauses">{whole ? "All of clauses 4–10" : audit.scope.clauseIds.join(", ") || "None"}</Fact>
      <Fact label="Annex A controls">{whole ? "All 38" : audit.scope.controlIds.join(", ") || "None"}</Fact>
      <Fact label="AI systems">{audit.scope.systems.map((system) => system.name).join(", ") || "None named"}</Fact>
      <Fact label="Processes">{audit.scope.processes.join(", ") || "None named"}</Fact>
    </SimpleGrid>
  );
}

/** Report downloads; the session cookie authorises the GET. */
function ReportLinks({ orgId, auditId }: { orgId: string; auditId: string }) {
  const href = (format: "pdf" | "xlsx") =>
    buildUrl(routes.exportInternalAuditReport.path, { orgId, auditId }, { format });
  return (
    <Group gap="xs">
      <Button component="a" href={href("pdf")} download variant="default">
        Download report (PDF)
      </Button>
      <Button component="a" href={href("xlsx")} download variant="default">
        Download report (XLSX)
      </Button>
    </Group>
  );
}

/**
 * One internal audit: scope, criteria and team, independence warnings, progress, the steps it may take,
 * the report downloads, what it raised, and its checklist to answer.
 */
export default function AuditPage() {
  const { orgId, can, role } = useOrg();
  const me = useMe();
  const { auditId = "" } = useParams();
  const query = useAudit(orgId, auditId);
  if (query.error) return <ErrorAlert error={query.error} title="Could not load the audit" />;
  if (!query.data) return <PageLoader />;
  const audit = query.data;
  const team = [...(audit.lead ? [audit.lead] : []), ...audit.auditors];
  const onTeam = team.some((member) => member.userId === me.user.id);
  // Auditors change only the audits they are on; the server applies the same rule.
  const canWrite = can("audit_records.write") && (role !== "auditor" || onTeam);
  const open = audit.status !== "closed" && audit.status !== "cancelled";
  const { answered, total } = audit.progress;

  return (
    <Stack gap="lg">
      <PageHeader title={`${audit.ref} ${audit.title}`}>
        <Group>
          {canWrite && open && (
            <Button component={Link} to="edit" variant="default">
              Edit plan
            </Button>
          )}
          <Button component={Link} to={`/o/${orgId}/audits`} variant="default">
            Back to internal audits
          </Button>
        </Group>
      </PageHeader>
      {!canWrite && can("audit_records.write") && (
        <Alert color="blue" title="You are not on this audit's team">
          With the auditor role you can read every audit and change the ones you lead or audit.
        </Alert>
      )}
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Fact label="Status">
              <StatusBadge of="internalAuditStatus" value={audit.status} tone={auditStatusTone[audit.status]} />
            </Fact>
            <Fact label="Programme">
              {audit.programme ? (
                <Anchor component={Link} to={`/o/${orgId}/audits/programmes/${audit.programme.id}`}>
                  {audit.programme.ref} {audit.programme.title}
                </Anchor>
              ) : (
                "None: an audit on its own"
              )}
            </Fact>
            <Fact label="Planned">
              {audit.plannedStart} to {audit.plannedEnd}
            </Fact>
            <Fact label="Fieldwork">
              {audit.startedAt ? `Started ${formatDate(audit.startedAt)}` : "Not started"}
              {audit.closedAt ? `, closed ${formatDate(audit.closedAt)}` : ""}
            </Fact>
            <Fact label="Lead auditor">{audit.lead?.name ?? "None"}</Fact>
            <Fact label="Auditors">
              {audit.auditors.map((auditor) => auditor.name).join(", ") || "None besides the lead"}
            </Fact>
          </SimpleGrid>
          <ScopeFacts audit={audit} />
          <Fact label="Criteria">
            <Text style={{ whiteSpace: "pre-wrap" }}>{audit.criteria}</Text>
          </Fact>
          {audit.conclusion && (
            <Fact label={audit.status === "cancelled" ? "Why it was cancelled" : "Conclusion"}>
              <Text style={{ whiteSpace: "pre-wrap" }}>{audit.conclusion}</Text>
            </Fact>
          )}
          {canWrite && <AuditStatusActions orgId={orgId} audit={audit} />}
        </Stack>
      </Card>
      {audit.independenceWarnings.length > 0 && (
        <Alert color="orange" title="Auditor independence">
          <List size="sm" spacing="xs">
            {audit.independenceWarnings.map((warning) => (
              <List.Item key={warning.auditor.memberId}>{warning.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Stack component="section" aria-labelledby="progress-heading" gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="progress-heading">
            Progress and report
          </Title>
          <ReportLinks orgId={orgId} auditId={audit.id} />
        </Group>
        <Text>
          {answered} of {total} answered
          {Object.entries(audit.progress.counts)
            .filter(([, count]) => count > 0)
            .map(([result, count]) => ` · ${count} ${labelOf("auditResult", result as "conforming").toLowerCase()}`)
            .join("")}
        </Text>
        <Progress value={total === 0 ? 0 : (answered / total) * 100} aria-label={`${answered} of ${total} answered`} />
      </Stack>
      <RaisedSection orgId={orgId} audit={audit} />
      <ChecklistSection orgId={orgId} audit={audit} canWrite={canWrite} />
    </Stack>
  );
}
