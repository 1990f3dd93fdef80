import { Button, Fieldset, Group, PasswordInput, Stack, Switch, TagsInput, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { putSsoConfigRequestSchema, type Role, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { type ApiResult, callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { RoleSelect } from "../ui/role-select";
import { useErrorFocus } from "../ui/use-error-focus";

type SsoConfig = NonNullable<ApiResult<typeof routes.getSsoConfig>>;
type SsoBody = z.output<typeof putSsoConfigRequestSchema>;

interface Props {
  config: SsoConfig | null;
  /** Domains this organisation has verified: the only ones it may list. */
  verifiedDomains: string[];
  /** Roles with sso.read but not sso.manage see the settings without changing them. */
  readOnly: boolean;
}

/** The organisation's OpenID Connect settings; the client secret is write-only. */
export function SsoForm({ config, verifiedDomains, readOnly }: Props) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(config?.enabled ?? false);
  const [issuer, setIssuer] = useState(config?.issuer ?? "");
  const [clientId, setClientId] = useState(config?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [allowedDomains, setAllowedDomains] = useState<string[]>(config?.allowedDomains ?? []);
  const [defaultRole, setDefaultRole] = useState<Role>(config?.defaultRole ?? "viewer");
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: SsoBody) => callApi(routes.putSsoConfig, { params: { orgId }, body }),
    onSuccess: (saved) => {
      notifications.show({ color: "blue", message: "Single sign-on settings saved." });
      queryClient.setQueryData(["sso", orgId], saved);
      void queryClient.invalidateQueries({ queryKey: ["auth-config"] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = {
      enabled,
      issuer: issuer.trim(),
      clientId,
      clientSecret: clientSecret === "" ? undefined : clientSecret,
      allowedDomains,
      defaultRole,
      version: config?.version,
    };
    const result = validate(putSsoConfigRequestSchema, values);
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Fieldset legend="OpenID Connect provider" disabled={readOnly}>
        <Stack>
          <Switch
            label="Enabled"
            description="When off, members sign in with their password only."
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
          />
          <TextInput
            label="Issuer URL"
            description="e.g. https://login.example.com/realms/acme"
            required
            value={issuer}
            onChange={(event) => setIssuer(event.currentTarget.value)}
            error={errors.issuer}
          />
          <TextInput
            label="Client ID"
            required
            value={clientId}
            onChange={(event) => setClientId(event.currentTarget.value)}
            error={errors.clientId}
          />
          <PasswordInput
            label="Client secret"
            description={
              config?.clientSecretSet
                ? "A secret is stored and never shown. Leave empty to keep it."
                : "Kept on the server and never shown again."
            }
            required={!config?.clientSecretSet}
            autoComplete="off"
            value={clientSecret}
            onChange={(event) => setClientSecret(event.currentTarget.value)}
            error={errors.clientSecret}
          />
          <TagsInput
            label="Allowed e-mail domains"
            description={
              verifiedDomains.length
                ? `Only verified domains can be listed (${verifiedDomains.join(", ")}). Press Enter after each.`
                : "Verify a domain above first: only verified domains can be listed."
            }
            required={enabled}
            data={verifiedDomains}
            value={allowedDomains}
            onChange={setAllowedDomains}
            error={errors.allowedDomains}
            splitChars={[",", " "]}
          />
          <RoleSelect
            label="Default role"
            description="Given to people who join through single sign-on."
            exclude={["owner"]}
            value={defaultRole}
            onChange={(value) => value && setDefaultRole(value)}
            error={errors.defaultRole}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
      </Fieldset>
    </form>
  );
}
