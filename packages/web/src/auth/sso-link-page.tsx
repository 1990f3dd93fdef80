import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { linkSsoAccountRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { PublicLayout } from "../ui/public-layout";
import { useErrorFocus } from "../ui/use-error-focus";
import { storeSession } from "./session";

/**
 * Single sign-on came back for an e-mail that already has an account, which has not linked this
 * identity provider. The provider's word is not enough: the account's password links it, once.
 */
export default function SsoLinkPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const pending = useQuery({
    queryKey: ["sso-link"],
    queryFn: () => callApi(routes.getSsoLink),
    retry: false,
    staleTime: 0,
  });
  const link = useMutation({
    mutationFn: (body: z.output<typeof linkSsoAccountRequestSchema>) => callApi(routes.linkSsoAccount, { body }),
    onSuccess: async (session) => {
      queryClient.clear();
      storeSession(queryClient, session);
      const org = session.me.memberships[0];
      await navigate(org ? `/o/${org.orgId}` : "/", { replace: true });
    },
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, link.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(linkSsoAccountRequestSchema, { password });
    setErrors(result.errors ?? {});
    if (result.data) link.mutate(result.data);
  };

  return (
    <PublicLayout width={480}>
      <PageHeader title="Link your account" />
      {pending.isPending && <PageLoader />}
      {pending.error && (
        <Stack>
          <ErrorAlert error={pending.error} title="Nothing to link" />
          <Anchor component={Link} to="/signin">
            Back to sign-in
          </Anchor>
        </Stack>
      )}
      {pending.data && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text>
              The identity provider of <strong>{pending.data.orgName}</strong> signed you in as{" "}
              <strong>{pending.data.email}</strong>, which already has an OpenAIMS account. Enter that account's
              password once to let {pending.data.orgName}'s single sign-on sign you in from now on.
            </Text>
            <Alert color="yellow" title="Only if you started this sign-in">
              If you did not just choose “Sign in with SSO”, do not enter your password here.
            </Alert>
            {link.error && <ErrorAlert error={link.error} title="Could not link the account" />}
            <PasswordInput
              label={`Password of ${pending.data.email}`}
              autoComplete="current-password"
              required
              data-autofocus
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" loading={link.isPending}>
              Link and sign in
            </Button>
            <Anchor component={Link} to="/signin" size="sm">
              Cancel
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
