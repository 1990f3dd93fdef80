import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, updateMeRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useMe } from "../auth/me-context";
import { storeMe } from "../auth/session";
import { useErrorFocus } from "../ui/use-error-focus";

/** Your display name, saved with the version it was read at. */
export function ProfileForm() {
  const { user } = useMe();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: z.output<typeof updateMeRequestSchema>) => callApi(routes.updateMe, { body }),
    onSuccess: (me) => {
      storeMe(queryClient, me);
      setName(me.user.name);
      notifications.show({ color: "blue", message: "Your name was saved." });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateMeRequestSchema, { name, version: user.version });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };

  return (
    <Card withBorder component="section" aria-labelledby="profile-heading">
      <Title order={2} size="h3" id="profile-heading" mb="sm">
        Profile
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            E-mail: <strong>{user.email}</strong>
          </Text>
          <TextInput
            label="Name"
            required
            autoComplete="name"
            maw={420}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === user.name}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
