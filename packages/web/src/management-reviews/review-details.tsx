import { Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type ManagementReviewDetail, routes, updateManagementReviewRequestSchema } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useMemberOptions } from "../risks/use-risk-data";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate, formatDateTime } from "../ui/format";
import { useErrorFocus } from "../ui/use-error-focus";
import { attendeeList } from "./schedule-review-form";
import { useReviewMutation } from "./use-review-data";

type Update = z.input<typeof updateManagementReviewRequestSchema>;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** The meeting: when, who chairs and who attended; editable while the review is open. */
export function ReviewDetails({
  orgId,
  review,
  editable,
}: {
  orgId: string;
  review: ManagementReviewDetail;
  editable: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="review-meeting-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="review-meeting-heading">
          Meeting
        </Title>
        {editable && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            Edit details
          </Button>
        )}
      </Group>
      {editing ? (
        <DetailsForm orgId={orgId} review={review} onDone={() => setEditing(false)} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Scheduled for">{formatDate(review.scheduledFor)}</Fact>
          <Fact label="Held on">{review.heldOn ? formatDate(review.heldOn) : "Not yet"}</Fact>
          <Fact label="Chair">{review.chair?.name ?? "None named"}</Fact>
          <Fact label="Attendees">{review.attendees.length > 0 ? review.attendees.join(", ") : "None recorded"}</Fact>
          <Fact label="Input pack">
            {review.packAsOf ? `Records as of ${formatDateTime(review.packAsOf)}` : "Not compiled yet"}
          </Fact>
          <Fact label="Closed">{review.closedAt ? formatDateTime(review.closedAt) : "—"}</Fact>
        </SimpleGrid>
      )}
    </Card>
  );
}

function DetailsForm({ orgId, review, onDone }: { orgId: string; review: ManagementReviewDetail; onDone: () => void }) {
  const members = useMemberOptions(orgId);
  const [values, setValues] = useState({
    title: review.title,
    scheduledFor: review.scheduledFor,
    heldOn: review.heldOn ?? "",
    chairMemberId: review.chair?.memberId ?? null,
    attendees: review.attendees.join("\n"),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useReviewMutation(orgId, review.id, (body: Update) =>
    callApi(routes.updateManagementReview, { params: { orgId, reviewId: review.id }, body }),
  );
  const formRef = useErrorFocus(errors, save.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateManagementReviewRequestSchema, {
      version: review.version,
      title: values.title,
      scheduledFor: values.scheduledFor,
      heldOn: values.heldOn || null,
      chairMemberId: values.chairMemberId,
      attendees: attendeeList(values.attendees),
    });
    setErrors(result.errors ?? {});
    if (result.data)
      save.mutate(result.data, { onSuccess: onDone, onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Meeting details">
      <Stack maw={640}>
        {save.error && <ErrorAlert error={save.error} title="The details were not saved" />}
        <TextInput
          label="Title"
          required
          value={values.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Scheduled for"
            type="date"
            required
            value={values.scheduledFor}
            onChange={(e) => set({ scheduledFor: e.currentTarget.value })}
            error={errors.scheduledFor}
          />
          <TextInput
            label="Held on"
            type="date"
            description="Set when the meeting took place; closing fills in today otherwise"
            value={values.heldOn}
            onChange={(e) => set({ heldOn: e.currentTarget.value })}
            error={errors.heldOn}
          />
        </Group>
        <Select
          label="Chair"
          placeholder="No chair yet"
          data={members.data ?? []}
          value={values.chairMemberId}
          onChange={(chairMemberId) => set({ chairMemberId })}
          clearable
          searchable
          error={errors.chairMemberId}
        />
        <Textarea
          label="Attendees"
          description="One per line: members and guests"
          autosize
          minRows={3}
          value={values.attendees}
          onChange={(e) => set({ attendees: e.currentTarget.value })}
          error={errors.attendees}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save details
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The minutes in free text: what was discussed beyond the decisions. */
export function MinutesSection({
  orgId,
  review,
  editable,
}: {
  orgId: string;
  review: ManagementReviewDetail;
  editable: boolean;
}) {
  const [text, setText] = useState(review.minutes);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useReviewMutation(orgId, review.id, (body: Update) =>
    callApi(routes.updateManagementReview, { params: { orgId, reviewId: review.id }, body }),
  );
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateManagementReviewRequestSchema, { version: review.version, minutes: text });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data, { onError: (error) => setErrors(serverFieldErrors(error)) });
  };
  return (
    <Card withBorder component="section" aria-labelledby="review-minutes-heading">
      <Title order={2} size="h3" id="review-minutes-heading" mb="sm">
        Minutes
      </Title>
      {editable ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="Edit the minutes">
          <Stack gap="xs">
            {save.error && !errors.minutes && <ErrorAlert error={save.error} title="The minutes were not saved" />}
            <Textarea
              label="Minutes of the meeting"
              description="Who said what, and anything the decisions do not capture"
              autosize
              minRows={4}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={errors.minutes}
            />
            <Group>
              <Button type="submit" size="xs" disabled={text.trim() === review.minutes} loading={save.isPending}>
                Save minutes
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={review.minutes ? undefined : "dimmed"}>
          {review.minutes || "No minutes were written."}
        </Text>
      )}
    </Card>
  );
}
