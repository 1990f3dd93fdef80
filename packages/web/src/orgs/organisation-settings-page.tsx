import { Alert, Button, Fieldset, Group, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Org, routes, updateOrgRequestSchema } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { sessionKey } from "../auth/session";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";

type OrgBody = z.output<typeof updateOrgRequestSchema>;

/** The organisation's name and its rules for everyone in it: segregation of duties. */
export default function OrganisationSettingsPage() {
  const { orgId, can } = useOrg();
  const org = useQuery({
    queryKey: ["org", orgId],
    queryFn: () => callApi(routes.getOrg, { params: { orgId } }),
    enabled: can("org.read"),
  });
  const members = useQuery({
    queryKey: ["org", orgId, "active-members"],
    queryFn: () => callApi(routes.listMembers, { params: { orgId }, query: { status: "active", limit: 2 } }),
    enabled: can("members.read"),
  });

  if (!can("org.read")) return <NoAccess title="Organisation" />;

  return (
    <Stack maw={820}>
      <PageHeader title="Organisation" />
      {org.error && <ErrorAlert error={org.error} />}
      {org.isPending ? (
        <PageLoader />
      ) : (
        org.isSuccess && (
          <OrganisationForm
            key={org.data.version}
            org={org.data}
            soleMember={members.isSuccess && members.data.items.length < 2}
            readOnly={!can("org.update")}
          />
        )
      )}
    </Stack>
  );
}

interface FormProps {
  org: Org;
  /** Nobody else could approve yet, so the rule is not in effect. */
  soleMember: boolean;
  /** Only owners and admins change organisation settings. */
  readOnly: boolean;
}

function OrganisationForm({ org, soleMember, readOnly }: FormProps) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [segregationOfDuties, setSegregationOfDuties] = useState(org.segregationOfDuties);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: OrgBody) => callApi(routes.updateOrg, { params: { orgId }, body }),
    onSuccess: (saved) => {
      notifications.show({ color: "blue", message: "Organisation settings saved." });
      queryClient.setQueryData(["org", orgId], saved);
      // The name shows in the organisation switcher, which reads the session.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
      void queryClient.invalidateQueries({ queryKey: ["approval-check"] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateOrgRequestSchema, { name: name.trim(), segregationOfDuties, version: org.version });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Fieldset legend="Settings" disabled={readOnly}>
        <Stack>
          {readOnly && <Text c="dimmed">Only an owner or admin can change these settings.</Text>}
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          <Switch
            label="Segregation of duties"
            description="Whoever wrote or submitted a document version or impact assessment, changed the Statement of Applicability since its last approval, or owns a risk cannot approve or accept it; another member must."
            checked={segregationOfDuties}
            onChange={(event) => setSegregationOfDuties(event.currentTarget.checked)}
            error={errors.segregationOfDuties}
          />
          {segregationOfDuties && soleMember && (
            <Alert color="gray" title="Not in effect yet">
              You are the only member, so you can approve your own work. The rule takes effect when a second member
              joins.
            </Alert>
          )}
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
