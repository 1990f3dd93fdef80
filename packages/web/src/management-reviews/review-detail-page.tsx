import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link, useParams } from "react-router";
import { buildUrl } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { DecisionField } from "./decision-field";
import { PackView } from "./pack/pack-view";
import { ReviewActionsSection } from "./review-actions-section";
import { ReviewControls } from "./review-controls";
import { MinutesSection, ReviewDetails } from "./review-details";
import { reviewStatusTone } from "./review-tones";
import { useReview } from "./use-review-data";

/**
 * One management review: the meeting, the steps to close it, the frozen pack with a decision per
 * input, the actions decided, the minutes, and the pack and minutes as PDF.
 */
export default function ReviewDetailPage() {
  const { orgId, can } = useOrg();
  const { reviewId = "" } = useParams();
  const query = useReview(orgId, reviewId);
  if (query.error) return <ErrorAlert error={query.error} title="Could not load the review" />;
  if (!query.data) return <PageLoader />;
  const review = query.data;
  const canWrite = can("governance.write");
  const open = review.status === "planned" || review.status === "in_progress";
  const editable = canWrite && open;
  const params = { orgId, reviewId: review.id };

  return (
    <Stack gap="lg">
      <PageHeader title={`${review.ref} ${review.title}`}>
        <Group>
          <Button component={Link} to={`/o/${orgId}/reviews`} variant="default">
            Back to reviews
          </Button>
          {review.pack && (
            <Button
              component="a"
              href={buildUrl(routes.getManagementReviewPackPdf.path, params)}
              download
              variant="default"
            >
              Download pack PDF
            </Button>
          )}
          <Button
            component="a"
            href={buildUrl(routes.getManagementReviewMinutesPdf.path, params)}
            download
            variant="default"
          >
            Download minutes PDF
          </Button>
        </Group>
      </PageHeader>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Status
        </Text>
        <StatusBadge of="managementReviewStatus" value={review.status} tone={reviewStatusTone[review.status]} />
        <Text size="sm" c="dimmed">
          · {review.decisionsByInput.length} of {review.decisionsByInput.length + review.missingDecisions.length} inputs
          decided · {review.actions.length} action{review.actions.length === 1 ? "" : "s"}
        </Text>
      </Group>
      <ReviewDetails orgId={orgId} review={review} editable={editable} />
      {canWrite && <ReviewControls orgId={orgId} review={review} />}
      <section aria-labelledby="review-inputs-heading">
        <Title order={2} size="h3" id="review-inputs-heading" mb="sm">
          Inputs and decisions
        </Title>
        <PackView
          pack={review.pack}
          missing={
            open
              ? "Compile the pack to see what the records say on this input."
              : "The review closed without a compiled pack."
          }
          extra={(key) => (
            <DecisionField
              key={`${key}-${review.version}`}
              orgId={orgId}
              review={review}
              inputKey={key}
              editable={editable}
            />
          )}
        />
      </section>
      <ReviewActionsSection orgId={orgId} review={review} canWrite={canWrite} />
      <MinutesSection key={`minutes-${review.version}`} orgId={orgId} review={review} editable={editable} />
    </Stack>
  );
}
