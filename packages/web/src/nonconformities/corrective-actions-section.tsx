import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type CorrectiveAction,
  type CorrectiveActionStatus,
  correctiveActionSteps,
  createCorrectiveActionRequestSchema,
  labelOf,
  type NonconformityDetail,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { errorMessage } from "../api/api-error";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { useErrorFocus } from "../ui/use-error-focus";
import { actionTone } from "./nonconformity-tones";
import { useMemberOptions } from "./use-nonconformity-data";

/** The corrective actions with owner, due date and status, and a form to plan another. */
export function CorrectiveActionsSection({
  orgId,
  nonconformity,
  editable,
}: {
  orgId: string;
  nonconformity: NonconformityDetail;
  editable: boolean;
}) {
  return (
    <Card withBorder component="section" aria-labelledby="nc-actions-heading">
      <Title order={2} size="h3" id="nc-actions-heading" mb="sm">
        Corrective actions
      </Title>
      <Stack>
        {nonconformity.actions.length === 0 ? (
          <Text>No corrective actions yet. Plan one that removes the root cause.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Action</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Due</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nonconformity.actions.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.title}</Table.Td>
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
                    {editable && correctiveActionSteps[action.status].length > 0 ? (
                      <ActionStatusSelect orgId={orgId} action={action} />
                    ) : (
                      <StatusBadge of="correctiveActionStatus" value={action.status} tone={actionTone[action.status]} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && <AddCorrectiveActionForm orgId={orgId} nonconformityId={nonconformity.id} />}
      </Stack>
    </Card>
  );
}

/** Moves an action to one of its allowed next statuses. */
function ActionStatusSelect({ orgId, action }: { orgId: string; action: CorrectiveAction }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: CorrectiveActionStatus) =>
      callApi(routes.updateCorrectiveAction, {
        params: { orgId, nonconformityId: action.nonconformityId, correctiveActionId: action.id },
        body: { status, version: action.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] }),
    onError: (error) => notifications.show({ color: "red", title: "Status not changed", message: errorMessage(error) }),
    meta: { inlineError: true },
  });
  const options = [action.status, ...correctiveActionSteps[action.status]].map((value) => ({
    value,
    label: labelOf("correctiveActionStatus", value),
  }));
  return (
    <Select<CorrectiveActionStatus>
      aria-label={`Status of ${action.title}`}
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

function AddCorrectiveActionForm({ orgId, nonconformityId }: { orgId: string; nonconformityId: string }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.input<typeof createCorrectiveActionRequestSchema>) =>
      callApi(routes.createCorrectiveAction, { params: { orgId, nonconformityId }, body }),
    onSuccess: async () => {
      setTitle("");
      setOwner(null);
      setDueDate("");
      await queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createCorrectiveActionRequestSchema, {
      title,
      ownerMemberId: owner,
      dueDate: dueDate || null,
    });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="New corrective action">
      {create.error && <ErrorAlert error={create.error} title="Could not add the action" mb="sm" />}
      <Group align="flex-start">
        <TextInput
          label="Corrective action"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          w={320}
        />
        <Select
          label="Action owner"
          placeholder="No owner"
          data={members.data ?? []}
          value={owner}
          onChange={setOwner}
          clearable
          searchable
          error={errors.ownerMemberId}
        />
        <TextInput
          label="Due date"
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          error={errors.dueDate}
        />
        <Button type="submit" mt={25} loading={create.isPending}>
          Add action
        </Button>
      </Group>
    </form>
  );
}
