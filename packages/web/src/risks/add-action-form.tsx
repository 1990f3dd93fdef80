import { Button, Group, Select, TextInput } from "@mantine/core";
import { createTreatmentActionRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useMemberOptions } from "./use-risk-data";

/** Adds a treatment action with an owner and a due date. */
export function AddActionForm({ orgId, riskId }: { orgId: string; riskId: string }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.input<typeof createTreatmentActionRequestSchema>) =>
      callApi(routes.createTreatmentAction, { params: { orgId, riskId }, body }),
    onSuccess: async () => {
      setTitle("");
      setOwner(null);
      setDueDate("");
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createTreatmentActionRequestSchema, {
      title,
      ownerMemberId: owner,
      dueDate: dueDate || null,
    });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="New treatment action">
      {create.error && <ErrorAlert error={create.error} title="Could not add the action" mb="sm" />}
      <Group align="flex-start">
        <TextInput
          label="Action"
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
