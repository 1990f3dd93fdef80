import { Alert, Anchor, Group, Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AssessmentEditor } from "./assessment-editor";
import { AssessmentView } from "./assessment-view";
import { impactPaths } from "./impact-labels";
import { ReviewLog } from "./review-log";
import { RevisionStatusBadge } from "./state-badge";
import { WorkflowActions } from "./workflow-actions";

/** One revision: the editor for a draft one may write, otherwise a readable view, with its review steps. */
export default function AssessmentPage() {
  const { orgId, can } = useOrg();
  const assessmentId = useParams().assessmentId ?? "";
  const query = useQuery({
    queryKey: ["impact-assessments", orgId, "assessment", assessmentId],
    queryFn: () => callApi(routes.getImpactAssessment, { params: { orgId, assessmentId } }),
  });
  if (query.error) return <ErrorAlert error={query.error} title="The assessment could not be loaded" />;
  const assessment = query.data;
  if (!assessment) return <PageLoader />;
  const canWrite = can("governance.write");
  const editable = canWrite && assessment.status === "draft" && assessment.archivedAt === null;
  const lastReturn = assessment.reviewLog.at(-1);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={impactPaths.system(orgId, assessment.system.id)} size="sm">
        {assessment.system.name}: all revisions
      </Anchor>
      <PageHeader title={`${assessment.ref}: ${assessment.system.name}, revision ${assessment.revision}`}>
        <RevisionStatusBadge status={assessment.status} archived={assessment.archivedAt !== null} />
      </PageHeader>
      <Group gap="lg">
        {assessment.approvedAt && (
          <Text size="sm">
            Approved {formatDateTime(assessment.approvedAt)} by {assessment.approvedBy?.name ?? "unknown"}
          </Text>
        )}
        {assessment.submittedContentHash && (
          <Text size="sm" ff="monospace" title="SHA-256 of the submitted content">
            Content hash {assessment.submittedContentHash.slice(0, 16)}…
          </Text>
        )}
      </Group>
      {assessment.stale && (
        <Alert color="red" title="This approval is stale">
          {assessment.staleReason}
        </Alert>
      )}
      {assessment.archivedAt && (
        <Alert color="blue" title="Archived">
          {assessment.archiveReason}
        </Alert>
      )}
      {assessment.status === "draft" && lastReturn?.action === "returned" && (
        <Alert color="blue" title={`Returned by ${lastReturn.by.name}`}>
          {lastReturn.comment}
        </Alert>
      )}
      {canWrite && <WorkflowActions assessment={assessment} />}
      {editable ? (
        <AssessmentEditor key={`${assessment.id}-${assessment.version}`} assessment={assessment} />
      ) : (
        <AssessmentView assessment={assessment} />
      )}
      <ReviewLog entries={assessment.reviewLog} />
    </Stack>
  );
}
