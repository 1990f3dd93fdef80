import { Alert, Button, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { anonymousConcernRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { PublicLayout } from "../ui/public-layout";
import { useErrorFocus } from "../ui/use-error-focus";

type Report = z.input<typeof anonymousConcernRequestSchema>;

/**
 * The public page behind an organisation's anonymous concern link: no sign-in, no app shell. The
 * token stays in the address bar and the request body; the server keeps no name and no address.
 */
export default function AnonymousConcernPage() {
  const { token = "" } = useParams();
  const [description, setDescription] = useState("");
  const [systemName, setSystemName] = useState("");
  const [contactPreference, setContactPreference] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const link = useQuery({
    queryKey: ["concern-link", token],
    queryFn: ({ signal }) => callApi(routes.checkAnonymousConcernLink, { query: { token }, signal }),
    retry: false,
  });
  const send = useMutation({
    mutationFn: (body: Report) => callApi(routes.submitAnonymousConcern, { body }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, send.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(anonymousConcernRequestSchema, { token, description, systemName, contactPreference });
    setErrors(result.errors ?? {});
    if (result.data) send.mutate(result.data);
  };

  return (
    <PublicLayout width={640}>
      <PageHeader title="Report a concern" />
      {link.isPending && <PageLoader />}
      {link.error && <ErrorAlert error={link.error} title="This link does not take reports" />}
      {send.data && (
        <Alert color="green" title="Received">
          Your concern has reached the organisation. If you want to ask about it later, quote {send.data.receipt}.
        </Alert>
      )}
      {link.data && !send.data && (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="Report a concern">
          <Stack>
            <Text>
              Tell <strong>{link.data.organizationName}</strong> about a concern with one of its AI systems or how it is
              used. You do not need to sign in or give your name, and your address is not recorded. Leave out details
              that would identify you if you want to stay anonymous.
            </Text>
            {send.error && (errors.token || Object.keys(errors).length === 0) && (
              <ErrorAlert error={send.error} title="Concern not sent" />
            )}
            <Textarea
              label="What happened"
              description="What you saw, when, and who or what it affected."
              required
              autosize
              minRows={6}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={errors.description}
            />
            <TextInput
              label="Which AI system, if you know"
              value={systemName}
              onChange={(event) => setSystemName(event.currentTarget.value)}
              error={errors.systemName}
            />
            <TextInput
              label="How to reach you, if you want a reply"
              description="Optional. Anything you write here is seen by those who handle concerns."
              value={contactPreference}
              onChange={(event) => setContactPreference(event.currentTarget.value)}
              error={errors.contactPreference}
            />
            <Button type="submit" loading={send.isPending} style={{ alignSelf: "flex-start" }}>
              Send concern
            </Button>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
