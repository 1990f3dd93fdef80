import { Anchor, Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type ManagementReviewStatus, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { EnumFilter, FilterBar, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { reviewStatusTone } from "./review-tones";
import { ScheduleReviewForm } from "./schedule-review-form";

const filterKeys = ["status"] as const;

/** Management reviews, the latest scheduled first, with scheduling and a preview of the pack. */
export default function ReviewListPage() {
  const { orgId, can } = useOrg();
  const { params, bind, filtered } = useFilterParams(filterKeys);
  const status = (params.get("status") as ManagementReviewStatus | null) ?? undefined;
  const list = usePagedQuery(["management-reviews", orgId, "list", { status }], (cursor) =>
    callApi(routes.listManagementReviews, { params: { orgId }, query: { status, cursor, limit: PAGE_SIZE } }),
  );
  const [scheduling, setScheduling] = useState(false);

  return (
    <Stack>
      <PageHeader title="Management reviews">
        {can("governance.write") && !scheduling && (
          <Button onClick={() => setScheduling(true)}>Schedule a review</Button>
        )}
      </PageHeader>
      <Text c="dimmed" maw={760}>
        Top management reviews the AI management system at planned intervals (clause 9.3). Each review reads an input
        pack compiled from the records, decides on every input and records the actions that follow.
      </Text>
      {scheduling && <ScheduleReviewForm orgId={orgId} onClose={() => setScheduling(false)} />}
      <PreviewPackCard orgId={orgId} />
      <FilterBar>
        <EnumFilter of="managementReviewStatus" label="Status" {...bind("status")} />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} title="Could not load the reviews" />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>
          {filtered
            ? "No review matches this filter. Clear it to see every review."
            : "No management review yet. Schedule one, or preview the pack to see what the review would read today."}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ref</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">Scheduled for</Table.Th>
                <Table.Th scope="col">Chair</Table.Th>
                <Table.Th scope="col">Pack</Table.Th>
                <Table.Th scope="col">Decisions</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td>
                    <Anchor component={Link} to={review.id}>
                      {review.ref}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{review.title}</Table.Td>
                  <Table.Td>{formatDate(review.scheduledFor)}</Table.Td>
                  <Table.Td>{review.chair?.name ?? "—"}</Table.Td>
                  <Table.Td>{review.packAsOf ? `As of ${formatDate(review.packAsOf)}` : "Not compiled"}</Table.Td>
                  <Table.Td>{review.decisions} of 11</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      of="managementReviewStatus"
                      value={review.status}
                      tone={reviewStatusTone[review.status]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}

/** Opens the pack compiled live as of a date, without scheduling a review. */
function PreviewPackCard({ orgId }: { orgId: string }) {
  const navigate = useNavigate();
  const [asOf, setAsOf] = useState("");
  return (
    <Card withBorder component="section" aria-labelledby="preview-pack-heading">
      <Title order={2} size="h4" id="preview-pack-heading" mb="xs">
        Preview the pack
      </Title>
      <form
        aria-label="Preview the pack"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate(asOf ? `/o/${orgId}/reviews/pack?asOf=${asOf}` : `/o/${orgId}/reviews/pack`);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Records as of"
            description="Leave empty for now; a date means the end of that day (UTC)"
            type="date"
            value={asOf}
            onChange={(event) => setAsOf(event.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            Preview the pack
          </Button>
        </Group>
      </form>
    </Card>
  );
}
