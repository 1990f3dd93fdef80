import { Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import {
  createMetricRequestSchema,
  enumOptions,
  type Metric,
  type MetricDirection,
  routes,
  updateMetricRequestSchema,
} from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useSystemOptions } from "../risks/use-risk-data";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";
import { useMetric } from "./use-monitoring-data";

interface Values {
  systemId: string | null;
  name: string;
  description: string;
  unit: string;
  direction: MetricDirection;
  warning: number | string;
  critical: number | string;
  cadenceMinutes: number | string;
  openIncidentOnCritical: boolean;
  reviewRiskId: string | null;
}

const blank: Values = {
  systemId: null,
  name: "",
  description: "",
  unit: "",
  direction: "lower_is_better",
  warning: "",
  critical: "",
  cadenceMinutes: "",
  openIncidentOnCritical: false,
  reviewRiskId: null,
};

function valuesOf(metric: Metric): Values {
  return {
    systemId: metric.system.id,
    name: metric.name,
    description: metric.description,
    unit: metric.unit,
    direction: metric.direction,
    warning: metric.warning ?? "",
    critical: metric.critical ?? "",
    cadenceMinutes: metric.cadenceMinutes ?? "",
    openIncidentOnCritical: metric.openIncidentOnCritical,
    reviewRiskId: metric.reviewRisk?.id ?? null,
  };
}

type SaveRequest =
  | { kind: "create"; body: z.output<typeof createMetricRequestSchema> }
  | { kind: "update"; metricId: string; body: z.output<typeof updateMetricRequestSchema> };

/** An empty number box means "none". */
const numberOrNull = (value: number | string) => (value === "" ? null : Number(value));

/** Defines a metric (of the system in `?system=`, if given), or edits one (`/metrics/:metricId/edit`). */
export default function MetricFormPage() {
  const { metricId } = useParams();
  const { orgId } = useOrg();
  const metric = useMetric(orgId, metricId ?? "");
  if (!metricId) return <MetricForm />;
  if (metric.error) return <ErrorAlert error={metric.error} />;
  if (!metric.data) return <PageLoader />;
  return <MetricForm metric={metric.data} />;
}

function MetricForm({ metric }: { metric?: Metric }) {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const systems = useSystemOptions(orgId);
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>(
    metric ? valuesOf(metric) : { ...blank, systemId: params.get("system") },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const risks = useQuery({
    queryKey: ["risks", orgId, "options", values.systemId],
    enabled: values.systemId !== null,
    queryFn: async ({ signal }) => {
      const page = await callApi(routes.listRisks, {
        params: { orgId },
        query: { systemId: values.systemId ?? undefined, limit: 200 },
        signal,
      });
      return page.items.map((risk) => ({ value: risk.id, label: `${risk.ref} ${risk.title}` }));
    },
  });
  const save = useMutation({
    mutationFn: (save: SaveRequest) =>
      save.kind === "update"
        ? callApi(routes.updateMetric, { params: { orgId, metricId: save.metricId }, body: save.body })
        : callApi(routes.createMetric, { params: { orgId }, body: save.body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["monitoring", orgId] });
      await navigate(`/o/${orgId}/monitoring/metrics/${saved.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const title = metric ? `Edit ${metric.name}` : "Define a metric";
  if (!can("governance.write")) return <NoAccess title={title} />;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: values.name,
      description: values.description,
      unit: values.unit,
      direction: values.direction,
      warning: numberOrNull(values.warning),
      critical: numberOrNull(values.critical),
      cadenceMinutes: numberOrNull(values.cadenceMinutes),
      openIncidentOnCritical: values.openIncidentOnCritical,
      reviewRiskId: values.reviewRiskId,
    };
    if (metric) {
      const result = validate(updateMetricRequestSchema, { ...fields, version: metric.version });
      setErrors(result.errors ?? {});
      if (result.data) save.mutate({ kind: "update", metricId: metric.id, body: result.data });
    } else {
      const result = validate(createMetricRequestSchema, { ...fields, systemId: values.systemId ?? "" });
      setErrors(result.errors ?? {});
      if (result.data) save.mutate({ kind: "create", body: result.data });
    }
  };
  const worse = values.direction === "lower_is_better" ? "above" : "below";

  return (
    <Stack maw={720}>
      <PageHeader title={title} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {save.error && <ErrorAlert error={save.error} title="The metric was not saved" />}
          <Select
            label="AI system"
            required
            data={systems.data ?? []}
            value={values.systemId}
            onChange={(systemId) => set({ systemId, reviewRiskId: null })}
            disabled={Boolean(metric)}
            searchable
            error={errors.systemId}
          />
          <TextInput
            label="Name"
            description="As pushed with aims metric push, e.g. error_rate; unique within the system"
            required
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
          />
          <Textarea
            label="Description"
            description="What is measured and how"
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={errors.description}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Unit"
              description="e.g. %, ms, requests"
              value={values.unit}
              onChange={(e) => set({ unit: e.currentTarget.value })}
              error={errors.unit}
            />
            <Select
              label="Better when"
              data={enumOptions("metricDirection")}
              value={values.direction}
              onChange={(direction) => set({ direction: (direction as MetricDirection | null) ?? "lower_is_better" })}
              allowDeselect={false}
              error={errors.direction}
            />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label="Warning threshold"
              description={`A value ${worse} this raises a warning; empty for none`}
              value={values.warning}
              onChange={(warning) => set({ warning })}
              error={errors.warning}
            />
            <NumberInput
              label="Critical threshold"
              description={`A value ${worse} this raises a critical alert; empty for none`}
              value={values.critical}
              onChange={(critical) => set({ critical })}
              error={errors.critical}
            />
          </Group>
          <NumberInput
            label="Expected every (minutes)"
            description="No observation for longer raises a missing-data alert; empty for no check"
            min={1}
            allowDecimal={false}
            value={values.cadenceMinutes}
            onChange={(cadenceMinutes) => set({ cadenceMinutes })}
            error={errors.cadenceMinutes}
          />
          <Checkbox
            label="Open an incident when a critical alert is raised"
            checked={values.openIncidentOnCritical}
            onChange={(e) => set({ openIncidentOnCritical: e.currentTarget.checked })}
          />
          <Select
            label="Risk to review again when an alert is raised"
            placeholder={values.systemId ? "None" : "Choose the AI system first"}
            data={risks.data ?? []}
            value={values.reviewRiskId}
            onChange={(reviewRiskId) => set({ reviewRiskId })}
            clearable
            searchable
            disabled={values.systemId === null}
            error={errors.reviewRiskId}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {metric ? "Save metric" : "Define metric"}
            </Button>
            <Button
              component={Link}
              to={metric ? `/o/${orgId}/monitoring/metrics/${metric.id}` : `/o/${orgId}/monitoring`}
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
