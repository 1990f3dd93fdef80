import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { routes, setupRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PublicLayout } from "../ui/public-layout";
import { useErrorFocus } from "../ui/use-error-focus";
import { useFormValues } from "../ui/use-form-values";
import { useAuthConfig } from "./auth-config";
import { storeSession } from "./session";

export default function SetupPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const config = useAuthConfig();
  const form = useFormValues({ setupCode: "", orgName: "", name: "", email: "", password: "" });
  const setup = useMutation({
    mutationFn: (body: z.output<typeof setupRequestSchema>) => callApi(routes.setup, { body }),
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      queryClient.setQueryData(["auth-config"], { ssoAvailable: false, setupRequired: false });
      const first = session.me.memberships[0];
      await navigate(first ? `/o/${first.orgId}` : "/", { replace: true });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(form.errors, setup.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(setupRequestSchema, form.values);
    form.setErrors(result.errors ?? {});
    if (result.data) setup.mutate(result.data);
  };

  return (
    <PublicLayout width={520}>
      <PageHeader title="Set up OpenAIMS" />
      {config.data && !config.data.setupRequired && !setup.isSuccess ? (
        <Alert color="blue" title="Already set up">
          This server already has an owner.{" "}
          <Anchor component={Link} to="/signin">
            Sign in
          </Anchor>
        </Alert>
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              Create the first organisation and its owner account. The setup code is printed in the server console when
              it starts.
            </Text>
            {setup.error && <ErrorAlert error={setup.error} title="Setup failed" />}
            <TextInput label="Setup code" required autoComplete="off" {...form.bind("setupCode")} />
            <TextInput label="Organisation name" required autoComplete="organization" {...form.bind("orgName")} />
            <TextInput label="Your name" required autoComplete="name" {...form.bind("name")} />
            <TextInput label="E-mail" type="email" required autoComplete="username" {...form.bind("email")} />
            <PasswordInput
              label="Password"
              description="At least 12 characters."
              required
              autoComplete="new-password"
              {...form.bind("password")}
            />
            <Button type="submit" loading={setup.isPending}>
              Set up
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
