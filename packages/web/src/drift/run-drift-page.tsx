import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { type DriftSampleRole, routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import type { FieldErrors } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { useErrorFocus } from "../ui/use-error-focus";
import {
  type CurrentSource,
  checkRunDrift,
  emptyRunDriftValues,
  type RunDriftValues,
  runDriftBody,
  serverRunDriftErrors,
} from "./run-drift-request";

/** A sample file's bytes go to the server as they are; it reads them through DuckDB and answers their columns. */
async function uploadSample(orgId: string, assetId: string, role: DriftSampleRole, file: File) {
  return callApi(routes.uploadDriftSample, {
    params: { orgId },
    query: { assetId, role, fileName: file.name },
    body: file,
  });
}

/**
 * Computes a drift report on the server: a dataset's reference sample against a current sample or a
 * window of an AI system's telemetry. Files are uploaded first (each step shown), then the report runs
 * in the background and its page follows it.
 */
export default function RunDriftPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<RunDriftValues>({ ...emptyRunDriftValues, systemId: params.get("system") });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [step, setStep] = useState<string | null>(null);
  const assets = useQuery({
    queryKey: ["assets", orgId, "datasets"],
    queryFn: () => callApi(routes.listAssets, { params: { orgId }, query: { kind: "dataset", limit: 200 } }),
  });
  const systems = useQuery({
    queryKey: ["systems", orgId, "drift-options"],
    queryFn: () => callApi(routes.listSystems, { params: { orgId }, query: { limit: 200 } }),
  });
  const samples = useQuery({
    queryKey: ["drift", orgId, "samples", values.assetId],
    queryFn: () =>
      callApi(routes.listDriftSamples, { params: { orgId }, query: { assetId: values.assetId ?? "", limit: 200 } }),
    enabled: Boolean(values.assetId),
  });
  const run = useMutation({
    mutationFn: async () => {
      const assetId = values.assetId ?? "";
      let referenceSampleId = values.referenceSampleId;
      if (values.referenceFile) {
        setStep(`Uploading the reference file ${values.referenceFile.name}…`);
        try {
          referenceSampleId = (await uploadSample(orgId, assetId, "reference", values.referenceFile)).id;
        } catch (error) {
          setErrors(serverRunDriftErrors(error, "referenceFile"));
          throw error;
        }
      }
      let currentSampleId = values.currentSampleId;
      if (values.currentSource === "sample" && values.currentFile) {
        setStep(`Uploading the current file ${values.currentFile.name}…`);
        try {
          currentSampleId = (await uploadSample(orgId, assetId, "current", values.currentFile)).id;
        } catch (error) {
          setErrors(serverRunDriftErrors(error, "currentFile"));
          throw error;
        }
      }
      setStep(values.currentSource === "telemetry" ? "Reading the telemetry window…" : "Starting the report…");
      try {
        return await callApi(routes.runDriftReport, {
          params: { orgId },
          body: runDriftBody(values, referenceSampleId ?? "", currentSampleId),
        });
      } catch (error) {
        setErrors(serverRunDriftErrors(error));
        throw error;
      }
    },
    onSuccess: async (report) => {
      await navigate(`../reports/${report.id}`, { relative: "path" });
    },
    onSettled: () => setStep(null),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, run.error);

  if (!can("governance.write")) return <NoAccess title="Compute a drift report" />;

  const sampleOptions = (role: DriftSampleRole) =>
    (samples.data?.items ?? [])
      .filter((sample) => sample.role === role)
      .map((sample) => ({
        value: sample.id,
        label: `${sample.fileName} · ${sample.rowCount?.toLocaleString() ?? "?"} rows · ${formatDateTime(sample.createdAt)}`,
      }));
  const set = <K extends keyof RunDriftValues>(key: K, value: RunDriftValues[K]) =>
    setValues((old) => ({ ...old, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = checkRunDrift(values);
    setErrors(local);
    if (Object.keys(local).length === 0) run.mutate();
  };
  const datasets = assets.data?.items ?? [];

  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        Back to drift reports
      </Anchor>
      <PageHeader title="Compute a drift report" />
      <Text c="dimmed" maw={720}>
        The server compares every column of the current data with the reference, exactly, on all rows. Samples are kept
        with the dataset (hashed) so a report can be repeated. For data larger than 256 MiB, run{" "}
        <code>aims drift report</code> where the data is and upload the result with <code>aims drift upload</code>.
      </Text>
      {assets.isSuccess && datasets.length === 0 && (
        <Alert color="gray" title="No dataset in the inventory">
          Drift is compared for a dataset asset.{" "}
          <Anchor component={Link} to={`/o/${orgId}/inventory/assets/new`}>
            Add a dataset
          </Anchor>{" "}
          first.
        </Alert>
      )}
      <Card withBorder component="section" aria-label="Drift report settings">
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack maw={640}>
            <Select
              label="Dataset"
              required
              searchable
              placeholder={assets.isPending ? "Loading datasets…" : "Choose the dataset"}
              data={datasets.map((asset) => ({ value: asset.id, label: asset.name }))}
              value={values.assetId}
              onChange={(assetId) =>
                setValues((old) => ({ ...old, assetId, referenceSampleId: null, currentSampleId: null }))
              }
              error={errors.assetId}
            />
            <Select
              label="AI system"
              description="The report is filed as evidence of this system's monitoring, and its scores become its metrics."
              searchable
              clearable
              placeholder={systems.isPending ? "Loading systems…" : "None"}
              data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
              value={values.systemId}
              onChange={(systemId) => set("systemId", systemId)}
              error={errors.systemId}
            />
            <FileInput
              label="Reference file"
              description="CSV with a header line, Parquet, or JSON Lines; up to 256 MiB."
              accept=".csv,.parquet,.jsonl,.ndjson"
              clearable
              value={values.referenceFile}
              onChange={(file) => set("referenceFile", file)}
              error={errors.referenceFile}
            />
            {sampleOptions("reference").length > 0 && !values.referenceFile && (
              <Select
                label="Or a stored reference sample"
                clearable
                data={sampleOptions("reference")}
                value={values.referenceSampleId}
                onChange={(id) => set("referenceSampleId", id)}
                error={errors.referenceSampleId}
              />
            )}
            <div>
              <Text size="sm" fw={500} id="current-source-label" mb={4}>
                Current data
              </Text>
              <SegmentedControl
                aria-labelledby="current-source-label"
                value={values.currentSource}
                onChange={(source) => set("currentSource", source as CurrentSource)}
                data={[
                  { value: "sample", label: "A sample file" },
                  { value: "telemetry", label: "A window of telemetry" },
                ]}
              />
            </div>
            {values.currentSource === "sample" ? (
              <>
                <FileInput
                  label="Current file"
                  description="The same columns as the reference."
                  accept=".csv,.parquet,.jsonl,.ndjson"
                  clearable
                  value={values.currentFile}
                  onChange={(file) => set("currentFile", file)}
                  error={errors.currentFile}
                />
                {sampleOptions("current").length > 0 && !values.currentFile && (
                  <Select
                    label="Or a stored current sample"
                    clearable
                    data={sampleOptions("current")}
                    value={values.currentSampleId}
                    onChange={(id) => set("currentSampleId", id)}
                    error={errors.currentSampleId}
                  />
                )}
              </>
            ) : (
              <>
                <Text size="sm">
                  One row per span of the AI system in the window: latency_ms, input_tokens, output_tokens, model,
                  finish_reason, operation, error and refused. The reference needs the same columns, e.g. an earlier
                  window.
                </Text>
                <Group grow align="flex-start">
                  <TextInput
                    type="datetime-local"
                    label="From"
                    required
                    value={values.from}
                    onChange={(event) => set("from", event.currentTarget.value)}
                    error={errors.from}
                  />
                  <TextInput
                    type="datetime-local"
                    label="To"
                    required
                    value={values.to}
                    onChange={(event) => set("to", event.currentTarget.value)}
                    error={errors.to}
                  />
                </Group>
              </>
            )}
            <TextInput
              label="Columns"
              description="Comma-separated; leave empty to compare every column of the reference."
              value={values.columns}
              onChange={(event) => set("columns", event.currentTarget.value)}
              error={errors.columns}
            />
            {step && (
              <Text size="sm" role="status">
                {step}
              </Text>
            )}
            {run.error && Object.keys(errors).length === 0 && (
              <ErrorAlert error={run.error} title="The report was not started" />
            )}
            <Group>
              <Button type="submit" loading={run.isPending}>
                Compute the report
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
