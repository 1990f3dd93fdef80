import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type ReportConcernRequest, reportConcernRequestSchema, routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useSystemOptions } from "../risks/use-risk-data";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";

/** Any member reports a concern about an AI system or how it is used (A.3.3); it goes to the triage queue. */
export default function ConcernFormPage() {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const systems = useSystemOptions(orgId);
  const [description, setDescription] = useState("");
  const [systemId, setSystemId] = useState<string | null>(null);
  const [contactPreference, setContactPreference] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const report = useMutation({
    mutationFn: (body: ReportConcernRequest) => callApi(routes.reportConcern, { params: { orgId }, body }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, report.error);

  if (report.data) {
    return (
      <Stack maw={720}>
        <PageHeader title="Concern received" />
        <Alert color="green" title={`Receipt ${report.data.receipt}`}>
          Thank you. The people who look after AI risks here will look at it; quote {report.data.receipt} if you ask
          about it.
        </Alert>
        <Group>
          <Button variant="default" onClick={() => void navigate(`/o/${orgId}/incidents`)}>
            Back to incidents
          </Button>
        </Group>
      </Stack>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(reportConcernRequestSchema, { description, systemId, contactPreference });
    setErrors(result.errors ?? {});
    if (result.data) report.mutate(result.data);
  };
  return (
    <Stack>
      <PageHeader title="Report a concern" />
      <Text c="dimmed" maw={720}>
        Seen an AI system behave badly, be used in a way it should not, or put someone at risk? Tell us here, even if
        you are not sure. Those who triage concerns see your name; if you would rather not give it, ask an administrator
        for the organisation's anonymous link.
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Report a concern">
        <Stack maw={720}>
          {report.error && Object.keys(errors).length === 0 && (
            <ErrorAlert error={report.error} title="Concern not sent" />
          )}
          <Textarea
            label="What happened"
            description="What you saw, when, and who or what it affected."
            required
            autosize
            minRows={5}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Select
            label="Which AI system"
            placeholder="Not sure"
            data={systems.data ?? []}
            value={systemId}
            onChange={setSystemId}
            searchable
            clearable
            error={errors.systemId}
          />
          <TextInput
            label="How should we get back to you"
            description="Optional, e.g. 'by e-mail' or 'only if you need more detail'."
            value={contactPreference}
            onChange={(event) => setContactPreference(event.currentTarget.value)}
            error={errors.contactPreference}
          />
          <Group>
            <Button type="submit" loading={report.isPending}>
              Send concern
            </Button>
            <Button variant="default" onClick={() => void navigate(`/o/${orgId}/incidents`)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
