import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { acceptInvitationRequestSchema } from "@openaims/contracts";
import type { FormEvent } from "react";
import { serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { useFormValues } from "../ui/use-form-values";
import type { InvitationPreview } from "./invitation-preview";
import { useAcceptInvitation } from "./use-accept-invitation";

interface Props {
  token: string;
  invitation: InvitationPreview;
}

/** No account yet for the invited e-mail: create one with a name and password while accepting. */
export function InvitationNewAccountForm({ token, invitation }: Props) {
  const form = useFormValues({ name: "", password: "" });
  const accept = useAcceptInvitation(invitation.orgId);

  const formRef = useErrorFocus(form.errors, accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const schema = acceptInvitationRequestSchema.required({ name: true, password: true });
    const result = validate(schema, { token, ...form.values });
    form.setErrors(result.errors ?? {});
    if (result.data) accept.mutate(result.data, { onError: (error) => form.setErrors(serverFieldErrors(error)) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">Create your account for {invitation.email}.</Text>
        {accept.error && <ErrorAlert error={accept.error} title="Could not accept the invitation" />}
        <TextInput label="Your name" required autoComplete="name" {...form.bind("name")} />
        <PasswordInput
          label="Password"
          description="At least 12 characters."
          required
          autoComplete="new-password"
          {...form.bind("password")}
        />
        <Button type="submit" loading={accept.isPending}>
          Accept invitation
        </Button>
      </Stack>
    </form>
  );
}
