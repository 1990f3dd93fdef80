import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { DocumentActions } from "./document-actions";
import { DocumentsNav } from "./documents-nav";
import { MarkdownView } from "./markdown-view";
import { ScopeForm } from "./scope-form";
import { StatusBadge } from "./status-badge";
import { WorkflowActions } from "./workflow-actions";

export default function ScopePage() {
  const { orgId, can } = useOrg();
  const writable = can("governance.write");
  const query = useQuery({
    queryKey: ["scope", orgId],
    queryFn: () => callApi(routes.getScope, { params: { orgId } }),
  });
  const scope = query.data;

  return (
    <Stack gap="lg">
      <PageHeader title="AIMS scope">
        {scope && <DocumentActions doc={scope.document} onStarted={() => undefined} />}
      </PageHeader>
      <DocumentsNav />
      {query.error && <ErrorAlert error={query.error} />}
      {query.isPending && <PageLoader />}
      {scope === null && (
        <>
          <Text>
            The scope says what the AI management system covers: the context it works in, who has a stake in it, the AI
            systems included and anything left out, with the reason.
          </Text>
          <Title order={2} size="h3">
            New scope
          </Title>
          {writable ? <ScopeForm draft={null} /> : <Text>No scope has been written yet.</Text>}
        </>
      )}
      {scope && (
        <>
          <Group gap="sm">
            <Text size="sm">
              <Anchor component={Link} to={`/o/${orgId}/documents/${scope.document.id}`}>
                {scope.document.ref}
              </Anchor>
            </Text>
            <StatusBadge status={scope.document.status} />
            <Text size="sm">Next review: {formatDate(scope.document.nextReviewDate)}</Text>
          </Group>
          {scope.workingVersion && (
            <Card withBorder component="section" aria-labelledby="scope-draft-heading">
              <Stack>
                <Group justify="space-between">
                  <Group gap="xs">
                    <Title order={2} size="h3" id="scope-draft-heading">
                      Version {scope.workingVersion.number}
                    </Title>
                    <StatusBadge status={scope.workingVersion.status} />
                  </Group>
                  {writable && <WorkflowActions version={scope.workingVersion} />}
                </Group>
                {writable && scope.workingVersion.editable ? (
                  <ScopeForm key={scope.workingVersion.id} draft={scope.workingVersion} />
                ) : (
                  <MarkdownView text={scope.workingVersion.body} />
                )}
              </Stack>
            </Card>
          )}
          {scope.approvedVersion && (
            <Card withBorder component="section" aria-labelledby="scope-approved-heading">
              <Title order={2} size="h3" id="scope-approved-heading" mb="sm">
                In force: version {scope.approvedVersion.number}, effective{" "}
                {formatDate(scope.approvedVersion.effectiveDate)}
              </Title>
              <MarkdownView text={scope.approvedVersion.body} />
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
