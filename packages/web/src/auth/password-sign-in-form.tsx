import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { loginRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { storeSession } from "./session";

/** E-mail and password sign-in; continues to `next` on success. */
export function PasswordSignInForm({ next }: { next: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const login = useMutation({
    mutationFn: (body: z.output<typeof loginRequestSchema>) => callApi(routes.login, { body }),
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      await navigate(next, { replace: true });
    },
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, login.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(loginRequestSchema, { email, password });
    setErrors(result.errors ?? {});
    if (result.data) login.mutate(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        {login.error && <ErrorAlert error={login.error} title="Could not sign in" />}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.email}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
        />
        <Button type="submit" loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
