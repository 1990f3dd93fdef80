import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import {
  type AuditFrequency,
  type AuditProgrammeDetail,
  createAuditProgrammeRequestSchema,
  enumOptions,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { contractFieldProps } from "../ui/field-limit";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";
import { useProgramme } from "./use-audit-data";

const texts = [
  ["objectives", "Objectives", "What the audits of this period should establish"],
  ["methods", "Methods", "Interviews, record sampling, observation, remote or on site"],
  ["responsibilities", "Responsibilities", "Who plans, who audits, who follows up"],
  ["reporting", "Reporting", "To whom results go, in what form and by when"],
] as const;

type Values = {
  title: string;
  periodStart: string;
  periodEnd: string;
  frequency: AuditFrequency | null;
  objectives: string;
  methods: string;
  responsibilities: string;
  reporting: string;
};

const thisYear = new Date().getUTCFullYear();
const blank: Values = {
  title: `${thisYear} internal audit programme`,
  periodStart: `${thisYear}-01-01`,
  periodEnd: `${thisYear}-12-31`,
  frequency: "quarterly",
  objectives: "",
  methods: "",
  responsibilities: "",
  reporting: "",
};

function ProgrammeForm({ initial }: { initial?: AuditProgrammeDetail }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(initial ?? blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: Omit<Values, "frequency"> & { frequency: AuditFrequency }) =>
      initial
        ? callApi(routes.updateAuditProgramme, {
            params: { orgId, programmeId: initial.id },
            body: { ...body, version: initial.version },
          })
        : callApi(routes.createAuditProgramme, { params: { orgId }, body }),
    onSuccess: async (programme) => {
      await queryClient.invalidateQueries({ queryKey: ["audit-programmes", orgId] });
      await navigate(`/o/${orgId}/audits/programmes/${programme.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createAuditProgrammeRequestSchema, { ...values, frequency: values.frequency ?? "" });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };
  const title = initial ? `Edit ${initial.ref}` : "Plan an audit programme";
  const field = (key: keyof Values, help?: string) =>
    contractFieldProps(createAuditProgrammeRequestSchema, key, values[key] as string, help);

  return (
    <Stack maw={820}>
      <PageHeader title={title} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {save.error && <ErrorAlert error={save.error} title="The programme was not saved" />}
          <TextInput
            label="Title"
            {...field("title")}
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Period start"
              type="date"
              {...field("periodStart")}
              value={values.periodStart}
              onChange={(e) => set({ periodStart: e.currentTarget.value })}
              error={errors.periodStart}
            />
            <TextInput
              label="Period end"
              type="date"
              {...field("periodEnd")}
              value={values.periodEnd}
              onChange={(e) => set({ periodEnd: e.currentTarget.value })}
              error={errors.periodEnd}
            />
            <Select
              label="Frequency"
              description="How often audits take place in the period"
              required
              data={enumOptions("auditFrequency")}
              value={values.frequency}
              onChange={(frequency) => set({ frequency: frequency as AuditFrequency | null })}
              allowDeselect={false}
              error={errors.frequency}
            />
          </SimpleGrid>
          {texts.map(([key, label, help]) => (
            <Textarea
              key={key}
              label={label}
              {...field(key, help)}
              autosize
              minRows={2}
              value={values[key]}
              onChange={(e) => set({ [key]: e.currentTarget.value })}
              error={errors[key]}
            />
          ))}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {initial ? "Save programme" : "Plan programme"}
            </Button>
            <Button
              component={Link}
              to={initial ? `/o/${orgId}/audits/programmes/${initial.id}` : `/o/${orgId}/audits`}
              variant="default"
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Plans a programme, or edits the one in the URL (`programmes/:programmeId/edit`). */
export default function ProgrammeFormPage() {
  const { orgId, can, role } = useOrg();
  const { programmeId = null } = useParams();
  const programme = useProgramme(orgId, programmeId);
  if (!can("audit_records.write") || role === "auditor") return <NoAccess title="Plan an audit programme" />;
  if (programmeId === null) return <ProgrammeForm />;
  if (programme.error) return <ErrorAlert error={programme.error} title="Could not load the programme" />;
  if (!programme.data) return <PageLoader />;
  return <ProgrammeForm initial={programme.data} />;
}
