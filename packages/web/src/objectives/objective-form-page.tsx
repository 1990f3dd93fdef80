import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import {
  createObjectiveRequestSchema,
  enumOptions,
  type Objective,
  type ObjectiveDirection,
  type ObjectiveMeasureKind,
  routes,
  updateObjectiveRequestSchema,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";
import { useMemberOptions, useMetricOptions, useObjective } from "./use-objective-data";

interface Values {
  title: string;
  rationale: string;
  measureKind: ObjectiveMeasureKind;
  measure: string;
  metricId: string | null;
  unit: string;
  baseline: number | string;
  target: number | string;
  direction: ObjectiveDirection;
  ownerMemberId: string | null;
  dueDate: string;
  planWhat: string;
  planResources: string;
  planWhen: string;
}

const blank: Values = {
  title: "",
  rationale: "",
  measureKind: "manual",
  measure: "",
  metricId: null,
  unit: "",
  baseline: "",
  target: "",
  direction: "increase",
  ownerMemberId: null,
  dueDate: "",
  planWhat: "",
  planResources: "",
  planWhen: "",
};

function valuesOf(o: Objective): Values {
  return {
    title: o.title,
    rationale: o.rationale,
    measureKind: o.measureKind,
    measure: o.measure,
    metricId: o.metric?.id ?? null,
    unit: o.unit,
    baseline: o.baseline ?? "",
    target: o.target,
    direction: o.direction,
    ownerMemberId: o.owner?.memberId ?? null,
    dueDate: o.dueDate ?? "",
    planWhat: o.plan.what,
    planResources: o.plan.resources,
    planWhen: o.plan.when,
  };
}

const numberOrNull = (value: number | string) => (value === "" ? null : Number(value));

/** The fields of a request from the form: empty numbers and dates are none. */
function requestOf(values: Values) {
  return {
    ...values,
    metricId: values.measureKind === "metric" ? values.metricId : null,
    baseline: numberOrNull(values.baseline),
    target: values.target === "" ? undefined : Number(values.target),
    dueDate: values.dueDate || null,
  };
}

/** Sets a new objective, or changes one (`/objectives/:objectiveId/edit`). */
export default function ObjectiveFormPage() {
  const { objectiveId } = useParams();
  const { orgId } = useOrg();
  const existing = useObjective(orgId, objectiveId ?? "", objectiveId !== undefined);
  if (!objectiveId) return <ObjectiveForm />;
  if (existing.error) return <ErrorAlert error={existing.error} />;
  if (!existing.data) return <PageLoader />;
  return <ObjectiveForm objective={existing.data} />;
}

function ObjectiveForm({ objective }: { objective?: Objective }) {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const metrics = useMetricOptions(orgId);
  const [values, setValues] = useState<Values>(objective ? valuesOf(objective) : blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: async (body: ReturnType<typeof requestOf>) =>
      objective
        ? callApi(routes.updateObjective, {
            params: { orgId, objectiveId: objective.id },
            body: updateObjectiveRequestSchema.parse({ ...body, version: objective.version }),
          })
        : callApi(routes.createObjective, { params: { orgId }, body: createObjectiveRequestSchema.parse(body) }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["objectives", orgId] });
      await navigate(`/o/${orgId}/objectives/${saved.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const title = objective ? `Edit ${objective.ref}` : "Add objective";
  if (!can("governance.write")) return <NoAccess title={title} />;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = requestOf(values);
    const schema = objective ? updateObjectiveRequestSchema : createObjectiveRequestSchema;
    const result = validate(schema, objective ? { ...body, version: objective.version } : body);
    setErrors(result.errors ?? {});
    if (!result.errors) save.mutate(body);
  };
  const chosenMetric = metrics.data?.find((m) => m.value === values.metricId);

  return (
    <Stack maw={760}>
      <PageHeader title={title} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {save.error && <ErrorAlert error={save.error} title="The objective was not saved" />}
          <TextInput
            label="Objective"
            description="What the management system should achieve, in a line"
            required
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <Textarea
            label="Why it matters"
            description="The risk, obligation or policy commitment it serves"
            autosize
            minRows={2}
            value={values.rationale}
            onChange={(e) => set({ rationale: e.currentTarget.value })}
            error={errors.rationale}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="measure-kind-label">
              How it is measured
            </Text>
            <SegmentedControl
              aria-labelledby="measure-kind-label"
              data={enumOptions("objectiveMeasureKind")}
              value={values.measureKind}
              onChange={(measureKind) => set({ measureKind: measureKind as ObjectiveMeasureKind })}
            />
          </Stack>
          {values.measureKind === "metric" ? (
            <Select
              label="Monitored metric"
              description="Progress is the metric's latest observation at each moment, not an average"
              placeholder={
                metrics.data?.length === 0 ? "No metrics yet — define one under Monitoring" : "Choose a metric"
              }
              data={metrics.data ?? []}
              value={values.metricId}
              onChange={(metricId) => {
                const unit = metrics.data?.find((m) => m.value === metricId)?.unit;
                set({ metricId, unit: values.unit || unit || "" });
              }}
              searchable
              required
              error={errors.metricId}
            />
          ) : null}
          <Textarea
            label="Measure"
            description={
              values.measureKind === "metric"
                ? "What the metric tells about the objective (optional)"
                : "What is counted and how, so two people would read the same value"
            }
            autosize
            minRows={2}
            value={values.measure}
            onChange={(e) => set({ measure: e.currentTarget.value })}
            error={errors.measure}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Unit"
              placeholder={chosenMetric?.unit || "%, count, days…"}
              value={values.unit}
              onChange={(e) => set({ unit: e.currentTarget.value })}
              error={errors.unit}
            />
            <Select
              label="Direction"
              data={enumOptions("objectiveDirection")}
              value={values.direction}
              onChange={(direction) => set({ direction: (direction as ObjectiveDirection | null) ?? "increase" })}
              allowDeselect={false}
              error={errors.direction}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label="Baseline"
              description="Where it stood when set; empty if unknown (then progress shows no percentage)"
              value={values.baseline}
              onChange={(baseline) => set({ baseline })}
              error={errors.baseline}
            />
            <NumberInput
              label="Target"
              required
              value={values.target}
              onChange={(target) => set({ target })}
              error={errors.target}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="Owner"
              placeholder="No owner"
              data={members.data ?? []}
              value={values.ownerMemberId}
              onChange={(ownerMemberId) => set({ ownerMemberId })}
              clearable
              searchable
              error={errors.ownerMemberId}
            />
            <TextInput
              label="Due date"
              type="date"
              value={values.dueDate}
              onChange={(e) => set({ dueDate: e.currentTarget.value })}
              error={errors.dueDate}
            />
          </Group>
          <Textarea
            label="Plan: what will be done"
            autosize
            minRows={2}
            value={values.planWhat}
            onChange={(e) => set({ planWhat: e.currentTarget.value })}
            error={errors.planWhat}
          />
          <Group grow align="flex-start">
            <Textarea
              label="Plan: resources"
              description="People, budget, tools"
              autosize
              value={values.planResources}
              onChange={(e) => set({ planResources: e.currentTarget.value })}
              error={errors.planResources}
            />
            <Textarea
              label="Plan: when"
              description="Milestones on the way"
              autosize
              value={values.planWhen}
              onChange={(e) => set({ planWhen: e.currentTarget.value })}
              error={errors.planWhen}
            />
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {objective ? "Save changes" : "Add objective"}
            </Button>
            <Button
              component={Link}
              to={objective ? `/o/${orgId}/objectives/${objective.id}` : `/o/${orgId}/objectives`}
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
