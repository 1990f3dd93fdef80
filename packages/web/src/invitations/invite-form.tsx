import { Button, Card, Group, NumberInput, Stack, TextInput, Title } from "@mantine/core";
import { createInvitationRequestSchema, type Role, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { RoleSelect } from "../ui/role-select";
import { useErrorFocus } from "../ui/use-error-focus";
import { InvitationCreated } from "./invitation-created";
import type { CreatedInvitation } from "./invitation-types";

/** Invite someone by e-mail; the accept link is shown once afterwards. */
export function InviteForm() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [days, setDays] = useState<number | string>(7);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const invite = useMutation({
    mutationFn: (body: z.output<typeof createInvitationRequestSchema>) =>
      callApi(routes.createInvitation, { params: { orgId }, body }),
    onSuccess: async (result) => {
      setCreated(result);
      setEmail("");
      await queryClient.invalidateQueries({ queryKey: ["invitations", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const formRef = useErrorFocus(errors, invite.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const result = validate(createInvitationRequestSchema, { email, role, expiresInDays: Number(days) });
    setErrors(result.errors ?? {});
    if (result.data) invite.mutate(result.data);
  };

  return (
    <Card withBorder component="section" aria-labelledby="invite-heading">
      <Title order={2} size="h3" id="invite-heading" mb="sm">
        Invite someone
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-start" wrap="wrap" grow>
            <TextInput
              label="E-mail"
              type="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
            />
            <RoleSelect label="Role" required value={role} onChange={(value) => value && setRole(value)} />
            <NumberInput
              label="Expires in days"
              min={1}
              max={30}
              allowDecimal={false}
              value={days}
              onChange={setDays}
              error={errors.expiresInDays}
            />
          </Group>
          <Group>
            <Button type="submit" loading={invite.isPending}>
              Invite
            </Button>
          </Group>
          {created && <InvitationCreated created={created} onDismiss={() => setCreated(null)} />}
        </Stack>
      </form>
    </Card>
  );
}
