import { Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  createReviewActionRequestSchema,
  labelOf,
  type ManagementReviewDetail,
  type ReviewAction,
  type ReviewActionStatus,
  type ReviewInputKey,
  reviewActionSteps,
  reviewInputs,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { errorMessage } from "../api/api-error";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useMemberOptions } from "../risks/use-risk-data";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { useErrorFocus } from "../ui/use-error-focus";
import { reviewActionTone } from "./review-tones";

const inputOptions = reviewInputs.map((input) => ({ value: input.key, label: `${input.clause} ${input.title}` }));
const inputTitle = (key: ReviewInputKey | null) => reviewInputs.find((input) => input.key === key)?.title ?? "—";

/**
 * The actions the review decided (9.3.3), with owners and due dates. New ones are added while the
 * review is open; their status moves on after it closed too, and the next review's pack follows them.
 */
export function ReviewActionsSection({
  orgId,
  review,
  canWrite,
}: {
  orgId: string;
  review: ManagementReviewDetail;
  canWrite: boolean;
}) {
  const open = review.status === "planned" || review.status === "in_progress";
  return (
    <Card withBorder component="section" aria-labelledby="review-actions-heading">
      <Title order={2} size="h3" id="review-actions-heading" mb="sm">
        Actions
      </Title>
      <Stack>
        {review.actions.length === 0 ? (
          <Text>
            {open
              ? "No actions yet. Record each change the review decides, with an owner and a due date."
              : "The review decided no actions."}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Input</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {review.actions.map((action) => (
                  <Table.Tr key={action.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {action.ref} {action.title}
                      </Text>
                      {action.description && (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                          {action.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{inputTitle(action.inputKey)}</Table.Td>
                    <Table.Td>{action.owner?.name ?? "—"}</Table.Td>
                    <Table.Td>
                      {formatDate(action.dueDate)}
                      {action.overdue && (
                        <StatusBadge tone="danger" ml="xs">
                          Overdue
                        </StatusBadge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canWrite && reviewActionSteps[action.status].length > 0 ? (
                        <ActionStatusSelect orgId={orgId} action={action} />
                      ) : (
                        <StatusBadge
                          of="reviewActionStatus"
                          value={action.status}
                          tone={reviewActionTone[action.status]}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canWrite && open && <AddActionForm orgId={orgId} reviewId={review.id} />}
      </Stack>
    </Card>
  );
}

/** Moves an action to one of its allowed next statuses. */
function ActionStatusSelect({ orgId, action }: { orgId: string; action: ReviewAction }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: ReviewActionStatus) =>
      callApi(routes.updateReviewAction, {
        params: { orgId, reviewId: action.review.id, reviewActionId: action.id },
        body: { status, version: action.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["management-reviews", orgId] }),
    onError: (error) => notifications.show({ color: "red", title: "Status not changed", message: errorMessage(error) }),
    meta: { inlineError: true },
  });
  const options = [action.status, ...reviewActionSteps[action.status]].map((value) => ({
    value,
    label: labelOf("reviewActionStatus", value),
  }));
  return (
    <Select<ReviewActionStatus>
      aria-label={`Status of ${action.ref} ${action.title}`}
      data={options}
      value={action.status}
      onChange={(status) => {
        if (status && status !== action.status) update.mutate(status);
      }}
      disabled={update.isPending}
      allowDeselect={false}
      size="xs"
      w={160}
    />
  );
}

function AddActionForm({ orgId, reviewId }: { orgId: string; reviewId: string }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const empty = {
    title: "",
    description: "",
    inputKey: null as string | null,
    owner: null as string | null,
    dueDate: "",
  };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.input<typeof createReviewActionRequestSchema>) =>
      callApi(routes.createReviewAction, { params: { orgId, reviewId }, body }),
    onSuccess: async () => {
      setValues(empty);
      await queryClient.invalidateQueries({ queryKey: ["management-reviews", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createReviewActionRequestSchema, {
      title: values.title,
      description: values.description,
      inputKey: values.inputKey,
      ownerMemberId: values.owner,
      dueDate: values.dueDate || null,
    });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="New review action">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Record an action
        </Title>
        {create.error && <ErrorAlert error={create.error} title="The action was not recorded" />}
        <Group align="flex-start" grow>
          <TextInput
            label="Action"
            required
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <Select
            label="Answers the input"
            placeholder="None in particular"
            data={inputOptions}
            value={values.inputKey}
            onChange={(inputKey) => set({ inputKey })}
            clearable
            error={errors.inputKey}
          />
        </Group>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <Group align="flex-start">
          <Select
            label="Action owner"
            placeholder="No owner"
            data={members.data ?? []}
            value={values.owner}
            onChange={(owner) => set({ owner })}
            clearable
            searchable
            error={errors.ownerMemberId}
          />
          <TextInput
            label="Due date"
            type="date"
            value={values.dueDate}
            onChange={(e) => set({ dueDate: e.currentTarget.value })}
            error={errors.dueDate}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            Add action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
