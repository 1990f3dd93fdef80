import { Button, Card, Group, PasswordInput, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { changePasswordRequestSchema, routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useFormValues } from "../ui/use-form-values";

/** Changes your password; the server ends your other sessions. */
export function PasswordForm() {
  const form = useFormValues({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const change = useMutation({
    mutationFn: (body: z.output<typeof changePasswordRequestSchema>) => callApi(routes.changePassword, { body }),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: "blue", message: "Password changed. Your other sessions were signed out." });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(form.errors, change.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { confirmPassword, ...values } = form.values;
    const result = validate(changePasswordRequestSchema, values);
    const errors = result.errors ?? {};
    if (confirmPassword !== values.newPassword) errors.confirmPassword = "The two new passwords differ";
    form.setErrors(errors);
    if (result.data && !errors.confirmPassword) change.mutate(result.data);
  };

  return (
    <Card withBorder component="section" aria-labelledby="password-heading">
      <Title order={2} size="h3" id="password-heading" mb="sm">
        Change password
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack maw={420}>
          {change.error && <ErrorAlert error={change.error} title="Password not changed" />}
          <PasswordInput
            label="Current password"
            required
            autoComplete="current-password"
            {...form.bind("currentPassword")}
          />
          <PasswordInput
            label="New password"
            description="At least 12 characters."
            required
            autoComplete="new-password"
            {...form.bind("newPassword")}
          />
          <PasswordInput
            label="Confirm new password"
            required
            autoComplete="new-password"
            {...form.bind("confirmPassword")}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
