import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { DraftEditor } from "./draft-editor";
import { MarkdownView } from "./markdown-view";
import { StatusBadge } from "./status-badge";
import { VersionFacts } from "./version-facts";
import { WorkflowActions } from "./workflow-actions";

interface Props {
  documentId: string;
  versionId: string;
  isScope: boolean;
  archived: boolean;
}

/** One version: its facts, its text (or the draft editor) and the workflow steps it allows. */
export function VersionPanel({ documentId, versionId, isScope, archived }: Props) {
  const { orgId, can } = useOrg();
  const query = useQuery({
    queryKey: ["document-version", orgId, versionId],
    queryFn: () => callApi(routes.getDocumentVersion, { params: { orgId, documentId, versionId } }),
  });
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <PageLoader />;
  const version = query.data;
  const writable = can("governance.write") && !archived;

  return (
    <Card withBorder component="section" aria-labelledby="version-heading">
      <Stack>
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h3" id="version-heading">
              Version {version.number}
            </Title>
            <StatusBadge status={version.status} />
          </Group>
          {writable && <WorkflowActions version={version} />}
        </Group>
        <VersionFacts version={version} />
        {writable && version.editable && !isScope ? (
          <DraftEditor key={version.id} version={version} />
        ) : (
          <>
            {writable && version.editable && isScope && (
              <Text size="sm">
                The scope is edited as structured content on the{" "}
                <Anchor component={Link} to={`/o/${orgId}/documents/scope`}>
                  AIMS scope page
                </Anchor>
                .
              </Text>
            )}
            <MarkdownView text={version.body} />
          </>
        )}
      </Stack>
    </Card>
  );
}
