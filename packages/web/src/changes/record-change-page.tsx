import { Alert, Button, Checkbox, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type ChangeKind,
  type ChangeRiskImpact,
  enumOptions,
  type RecordChangeRequest,
  recordChangeRequestSchema,
  routes,
} from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useSystemOptions } from "../risks/use-risk-data";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";

/**
 * Records a change to an AI system; `?systemId=` preselects the system. The material box follows the
 * kind's suggestion until the person sets it themselves.
 */
export default function RecordChangePage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const systems = useSystemOptions(orgId);
  const kinds = useQuery({
    queryKey: ["changes", orgId, "kinds"],
    queryFn: ({ signal }) => callApi(routes.listChangeKinds, { params: { orgId }, signal }),
  });
  const [systemId, setSystemId] = useState<string | null>(params.get("systemId"));
  const [kind, setKind] = useState<ChangeKind | null>(null);
  const [summary, setSummary] = useState("");
  const [description, setDescription] = useState("");
  const [riskImpact, setRiskImpact] = useState<ChangeRiskImpact>("not_assessed");
  const [riskImpactNote, setRiskImpactNote] = useState("");
  const [materialChoice, setMaterialChoice] = useState<boolean | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const suggestion = kinds.data?.items.find((item) => item.kind === kind);
  const material = materialChoice ?? suggestion?.material ?? false;

  const record = useMutation({
    mutationFn: (body: RecordChangeRequest) => callApi(routes.recordChange, { params: { orgId }, body }),
    onSuccess: async (change) => {
      notifications.show({
        color: "blue",
        message: change.material
          ? `${change.ref} is recorded; it sent ${change.sentForReview.risks.length} risk(s) back for review.`
          : `${change.ref} is recorded.`,
      });
      await queryClient.invalidateQueries({ queryKey: ["changes", orgId] });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
      await navigate(`/o/${orgId}/changes/${change.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, record.error);

  if (!can("governance.write")) return <NoAccess title="Record a change" />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(recordChangeRequestSchema, {
      systemId: systemId ?? undefined,
      kind: kind ?? undefined,
      summary,
      description,
      riskImpact,
      riskImpactNote,
      material,
    });
    setErrors(result.errors ?? {});
    if (result.data) record.mutate(result.data);
  };

  return (
    <Stack>
      <PageHeader title="Record a change" />
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Record a change">
        <Stack maw={720}>
          {record.error && <ErrorAlert error={record.error} title="Change not recorded" />}
          {kinds.error && <ErrorAlert error={kinds.error} />}
          <Select
            label="AI system"
            required
            data={systems.data ?? []}
            value={systemId}
            onChange={setSystemId}
            searchable
            error={errors.systemId}
          />
          <Select
            label="Kind of change"
            required
            data={enumOptions("changeKind")}
            value={kind}
            onChange={(value) => {
              setKind(value as ChangeKind | null);
              setMaterialChoice(null);
            }}
            error={errors.kind}
          />
          <TextInput
            label="Summary"
            description="One line saying what changed."
            required
            value={summary}
            onChange={(event) => setSummary(event.currentTarget.value)}
            error={errors.summary}
          />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
          />
          <Group align="flex-start" grow>
            <Select
              label="Expected risk impact"
              data={enumOptions("changeRiskImpact")}
              value={riskImpact}
              onChange={(value) => setRiskImpact((value as ChangeRiskImpact | null) ?? "not_assessed")}
              allowDeselect={false}
              error={errors.riskImpact}
            />
            <TextInput
              label="Why that impact"
              value={riskImpactNote}
              onChange={(event) => setRiskImpactNote(event.currentTarget.value)}
              error={errors.riskImpactNote}
            />
          </Group>
          {suggestion && (
            <Alert color="blue" title={suggestion.material ? "Suggested: material" : "Suggested: not material"}>
              {suggestion.why}
            </Alert>
          )}
          <Checkbox
            label="Material change"
            description="A material change sends the system's risks and impact assessment back for review as soon as it is recorded, and its release gate fails until they are reviewed again."
            checked={material}
            onChange={(event) => setMaterialChoice(event.currentTarget.checked)}
            error={errors.material}
          />
          <Group>
            <Button type="submit" loading={record.isPending}>
              Record change
            </Button>
            <Button variant="default" onClick={() => void navigate(`/o/${orgId}/changes`)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
