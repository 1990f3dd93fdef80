import { Button, Card, Checkbox, Group, NumberInput, Radio, Stack, TextInput, Title } from "@mantine/core";
import { createTokenRequestSchema, routes, type TokenScope } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { TokenSecretModal } from "./token-secret-modal";
import type { CreatedToken } from "./token-types";

/** Creates a personal API token; its secret is shown once in a modal. */
export function CreateTokenForm() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenScope>("read");
  const [days, setDays] = useState<number | string>(90);
  const [never, setNever] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: (body: z.output<typeof createTokenRequestSchema>) =>
      callApi(routes.createToken, { params: { orgId }, body }),
    onSuccess: async (result) => {
      setCreated(result);
      setName("");
      await queryClient.invalidateQueries({ queryKey: ["tokens", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { name, scope, expiresInDays: never ? null : Number(days) };
    const result = validate(createTokenRequestSchema, values);
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };

  return (
    <Card withBorder component="section" aria-labelledby="create-token-heading">
      <Title order={2} size="h3" id="create-token-heading" mb="sm">
        New token
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Name"
            description="What the token is for, e.g. “CI release gate”."
            required
            maw={480}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <Radio.Group
            label="Scope"
            value={scope}
            onChange={(value) => setScope(value === "write" ? "write" : "read")}
            error={errors.scope}
          >
            <Group mt={4}>
              <Radio value="read" label="Read only" />
              <Radio value="write" label="Read and write" />
            </Group>
          </Radio.Group>
          <Group align="flex-end">
            <NumberInput
              label="Expires in days"
              description="1 to 730"
              min={1}
              max={730}
              // Keep what was typed: 0 must be refused with a message, not quietly become 1.
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              disabled={never}
              value={days}
              onChange={setDays}
              error={errors.expiresInDays}
              w={180}
            />
            <Checkbox
              label="Never expires"
              checked={never}
              onChange={(event) => setNever(event.currentTarget.checked)}
              mb={8}
            />
          </Group>
          {create.error && <ErrorAlert error={create.error} title="Could not create the token" />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
