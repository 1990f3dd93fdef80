import { Button, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { routes, ssoStartQuerySchema } from "@openaims/contracts";
import { type FormEvent, useState } from "react";
import { buildUrl } from "../api/client";
import { validate } from "../api/form-errors";
import { useErrorFocus } from "../ui/use-error-focus";

/** "Sign in with SSO": asks for the work e-mail, then hands the browser to the identity provider. */
export function SsoSignIn() {
  const [opened, { open, close }] = useDisclosure(false);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [leaving, setLeaving] = useState(false);

  const formRef = useErrorFocus(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(ssoStartQuerySchema, { email });
    setError(result.errors?.email);
    if (!result.data) return;
    setLeaving(true);
    window.location.assign(buildUrl(routes.startSso.path, undefined, result.data));
  };

  return (
    <>
      <Button variant="default" onClick={open}>
        Sign in with SSO
      </Button>
      <Modal opened={opened} onClose={close} title="Sign in with SSO">
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">Your organisation's identity provider is found from your e-mail domain.</Text>
            <TextInput
              label="Work e-mail"
              type="email"
              autoComplete="username"
              required
              data-autofocus
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={error}
            />
            <Button type="submit" loading={leaving}>
              Continue
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
