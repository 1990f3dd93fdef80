import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { routes, scheduleManagementReviewRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useMemberOptions } from "../risks/use-risk-data";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

/** Attendees typed one per line, as the API takes them: a list of names. */
export function attendeeList(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Schedules a management review and opens it. */
export function ScheduleReviewForm({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const [values, setValues] = useState({
    title: "",
    scheduledFor: "",
    chairMemberId: null as string | null,
    attendees: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const schedule = useMutation({
    mutationFn: (body: z.input<typeof scheduleManagementReviewRequestSchema>) =>
      callApi(routes.scheduleManagementReview, { params: { orgId }, body }),
    onSuccess: async (review) => {
      await queryClient.invalidateQueries({ queryKey: ["management-reviews", orgId] });
      await navigate(`/o/${orgId}/reviews/${review.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, schedule.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(scheduleManagementReviewRequestSchema, {
      title: values.title,
      scheduledFor: values.scheduledFor,
      chairMemberId: values.chairMemberId,
      attendees: attendeeList(values.attendees),
    });
    setErrors(result.errors ?? {});
    if (result.data) schedule.mutate(result.data);
  };
  return (
    <Card withBorder component="section" aria-labelledby="schedule-review-heading">
      <Title order={2} size="h4" id="schedule-review-heading" mb="sm">
        Schedule a review
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Schedule a review">
        <Stack maw={640}>
          {schedule.error && <ErrorAlert error={schedule.error} title="The review was not scheduled" />}
          <TextInput
            label="Title"
            description="For example: Management review, first half of 2026"
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
            <Select
              label="Chair"
              description="Usually a member of top management"
              placeholder="No chair yet"
              data={members.data ?? []}
              value={values.chairMemberId}
              onChange={(chairMemberId) => set({ chairMemberId })}
              clearable
              searchable
              error={errors.chairMemberId}
            />
          </Group>
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
            <Button type="submit" loading={schedule.isPending}>
              Schedule review
            </Button>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
