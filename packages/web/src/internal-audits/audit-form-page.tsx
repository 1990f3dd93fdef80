import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { createInternalAuditRequestSchema, type InternalAuditDetail, routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { contractFieldProps } from "../ui/field-limit";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";
import { AuditPlanFields, type ScopeAndTeam } from "./audit-plan-fields";
import { auditKey, useAudit, useTeamOptions } from "./use-audit-data";

interface Values extends ScopeAndTeam {
  title: string;
  programmeId: string | null;
  plannedStart: string;
  plannedEnd: string;
  criteria: string;
}

function initialValues(audit: InternalAuditDetail | undefined, programmeId: string | null, me: string | null): Values {
  if (audit)
    return {
      title: audit.title,
      programmeId: audit.programme?.id ?? null,
      plannedStart: audit.plannedStart,
      plannedEnd: audit.plannedEnd,
      criteria: audit.criteria,
      clauseIds: audit.scope.clauseIds,
      controlIds: audit.scope.controlIds,
      systemIds: audit.scope.systems.map((system) => system.id),
      processes: audit.scope.processes,
      leadAuditorMemberId: audit.lead?.memberId ?? null,
      auditorMemberIds: audit.auditors.map((auditor) => auditor.memberId),
    };
  return {
    title: "",
    programmeId,
    plannedStart: "",
    plannedEnd: "",
    criteria: "",
    clauseIds: [],
    controlIds: [],
    systemIds: [],
    processes: [],
    leadAuditorMemberId: me,
    auditorMemberIds: [],
  };
}

function AuditForm({ audit, me }: { audit?: InternalAuditDetail; me: string | null }) {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const team = useTeamOptions(orgId);
  const programmes = useQuery({
    queryKey: ["audit-programmes", orgId, "list"],
    queryFn: ({ signal }) =>
      callApi(routes.listAuditProgrammes, { params: { orgId }, query: { limit: 200, archived: "false" }, signal }),
  });
  const [values, setValues] = useState<Values>(() => initialValues(audit, params.get("programmeId"), me));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof createInternalAuditRequestSchema.parse>) => {
      if (!audit) return callApi(routes.createInternalAudit, { params: { orgId }, body });
      const { programmeId: _, ...changes } = body;
      return callApi(routes.updateInternalAudit, {
        params: { orgId, auditId: audit.id },
        body: { ...changes, version: audit.version },
      });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(auditKey(orgId, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ["internal-audits", orgId, "list"] });
      await queryClient.invalidateQueries({ queryKey: ["audit-programmes", orgId] });
      await navigate(`/o/${orgId}/audits/${saved.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const set = (patch: Partial<Values>) => setValues((old) => ({ ...old, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { clauseIds, controlIds, systemIds, processes, ...rest } = values;
    const result = validate(createInternalAuditRequestSchema, {
      ...rest,
      leadAuditorMemberId: rest.leadAuditorMemberId ?? "",
      scope: { clauseIds, controlIds, systemIds, processes },
    });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };
  const title = audit ? `Edit the plan of ${audit.ref}` : "Plan an internal audit";
  const field = (key: "title" | "criteria" | "plannedStart" | "plannedEnd", help?: string) =>
    contractFieldProps(createInternalAuditRequestSchema, key, values[key], help);
  const programmeOptions = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.ref} ${p.title}` }));

  return (
    <Stack maw={880}>
      <PageHeader title={title} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {save.error && <ErrorAlert error={save.error} title="The audit was not saved" />}
          {team.error && <ErrorAlert error={team.error} title="Could not load the members to choose from" />}
          <Select
            label="Programme"
            description={
              audit ? "An audit stays in the programme it was planned under" : "The programme this audit belongs to"
            }
            placeholder="None: an audit on its own"
            data={programmeOptions}
            value={values.programmeId}
            onChange={(programmeId) => set({ programmeId })}
            clearable
            disabled={audit !== undefined}
            error={errors.programmeId}
          />
          <TextInput
            label="Title"
            {...field("title", "What is audited, in a line")}
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Planned start"
              type="date"
              {...field("plannedStart")}
              value={values.plannedStart}
              onChange={(e) => set({ plannedStart: e.currentTarget.value })}
              error={errors.plannedStart}
            />
            <TextInput
              label="Planned end"
              type="date"
              {...field("plannedEnd")}
              value={values.plannedEnd}
              onChange={(e) => set({ plannedEnd: e.currentTarget.value })}
              error={errors.plannedEnd}
            />
          </SimpleGrid>
          <AuditPlanFields
            orgId={orgId}
            values={values}
            onChange={set}
            errors={errors}
            memberOptions={team.options}
            checklistLocked={audit !== undefined && audit.status !== "planned"}
          />
          <Textarea
            label="Criteria"
            {...field(
              "criteria",
              "What results are judged against. Leave empty for ISO/IEC 42001 and the organisation's AIMS documents (AI policy, scope, risk method, SoA, procedures).",
            )}
            autosize
            minRows={3}
            value={values.criteria}
            onChange={(e) => set({ criteria: e.currentTarget.value })}
            error={errors.criteria}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {audit ? "Save plan" : "Plan audit"}
            </Button>
            <Button
              component={Link}
              to={audit ? `/o/${orgId}/audits/${audit.id}` : `/o/${orgId}/audits`}
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

/** Plans an audit (from the programme in `?programmeId=`, or on its own), or edits the plan of `:auditId/edit`. */
export default function AuditFormPage() {
  const { orgId, can, role } = useOrg();
  const { auditId = null } = useParams();
  const audit = useAudit(orgId, auditId);
  const team = useTeamOptions(orgId);
  if (!can("audit_records.write")) return <NoAccess title="Plan an internal audit" />;
  if (team.isPending) return <PageLoader />;
  // An auditor plans audits they lead; others choose the lead.
  const me = role === "auditor" ? team.mine : null;
  if (auditId === null) return <AuditForm me={me} />;
  if (audit.error) return <ErrorAlert error={audit.error} title="Could not load the audit" />;
  if (!audit.data) return <PageLoader />;
  if (audit.data.status === "closed" || audit.data.status === "cancelled")
    return (
      <Alert color="blue" title={`${audit.data.ref} can no longer change`}>
        The audit is {audit.data.status}; its record stays as it was.
      </Alert>
    );
  return <AuditForm audit={audit.data} me={me} />;
}
