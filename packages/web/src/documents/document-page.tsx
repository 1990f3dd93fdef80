import { Alert, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { DocumentActions } from "./document-actions";
import { kindLabels } from "./document-labels";
import { DocumentsNav } from "./documents-nav";
import { VersionDiff } from "./version-diff";
import { VersionHistory } from "./version-history";
import { VersionPanel } from "./version-panel";

export default function DocumentPage() {
  const { orgId } = useOrg();
  const { documentId = "" } = useParams();
  const [selected, setSelected] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["document", orgId, documentId],
    queryFn: () => callApi(routes.getDocument, { params: { orgId, documentId } }),
  });
  if (query.error) return <ErrorAlert error={query.error} title="Could not open the document" />;
  if (!query.data) return <PageLoader />;
  const doc = query.data;
  const shown = selected ?? doc.workingVersion?.id ?? doc.approvedVersion?.id ?? doc.versions[0]?.id ?? null;

  return (
    <Stack gap="lg">
      <PageHeader title={`${doc.ref} ${doc.title}`}>
        <DocumentActions doc={doc} onStarted={setSelected} />
      </PageHeader>
      <DocumentsNav />
      <Group gap="sm">
        <Badge variant="outline">{kindLabels[doc.kind]}</Badge>
        <StatusBadge of="documentStatus" value={doc.status} />
        <Text size="sm">Owner: {doc.owner?.name ?? "none"}</Text>
        <Text size="sm">Next review: {formatDate(doc.nextReviewDate)}</Text>
        {doc.reviewOverdue && <StatusBadge tone="danger">Review overdue</StatusBadge>}
      </Group>
      {doc.archivedAt && (
        <Alert color="gray" title={`Archived ${formatDate(doc.archivedAt)}`}>
          {doc.archiveReason}
        </Alert>
      )}
      {shown && (
        <VersionPanel
          documentId={doc.id}
          versionId={shown}
          isScope={doc.kind === "aims_scope"}
          archived={!!doc.archivedAt}
        />
      )}
      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="sm">
          Version history
        </Title>
        <VersionHistory versions={doc.versions} selectedId={shown} onSelect={setSelected} />
      </section>
      <section aria-labelledby="diff-heading">
        <Title order={2} size="h3" id="diff-heading" mb="sm">
          Compare versions
        </Title>
        <VersionDiff key={doc.versions.length} documentId={doc.id} versions={doc.versions} />
      </section>
    </Stack>
  );
}
