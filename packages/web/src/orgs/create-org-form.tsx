import { Button, Stack, TextInput } from "@mantine/core";
import { createOrgRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { serverFieldErrors, validate } from "../api/form-errors";
import { sessionKey } from "../auth/session";
import { useErrorFocus } from "../ui/use-error-focus";
import { useFormValues } from "../ui/use-form-values";

/** Creates an organisation owned by the signed-in person and opens it. */
export function CreateOrgForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useFormValues({ name: "" });
  const create = useMutation({
    mutationFn: (body: z.output<typeof createOrgRequestSchema>) => callApi(routes.createOrg, { body }),
    onSuccess: async (org) => {
      await queryClient.refetchQueries({ queryKey: sessionKey });
      await navigate(`/o/${org.id}`);
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const formRef = useErrorFocus(form.errors, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createOrgRequestSchema, form.values);
    form.setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack align="flex-start">
        <TextInput label="Organisation name" required w="100%" {...form.bind("name")} />
        <Button type="submit" loading={create.isPending}>
          Create organisation
        </Button>
      </Stack>
    </form>
  );
}
