import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import type { FieldErrors } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";
import {
  checkRunScan,
  emptyRunScanValues,
  type RunScanValues,
  runScanBody,
  serverRunScanErrors,
} from "./run-scan-request";

/** Explains why the server does not run scans, and the way that always works. */
function ServerScansOff() {
  return (
    <Alert color="gray" title="Server-side scans are turned off">
      <Stack gap="xs">
        <Text size="sm">
          This server only sends attack traffic to addresses its administrator allowed, and none are allowed. To turn
          server-side scans on, set <code>AIMS_REDTEAM_TARGETS</code> to the comma-separated origins of the applications
          to test (for example <code>http://127.0.0.1:8000</code>) and restart the server.
        </Text>
        <Text size="sm">
          Meanwhile, run <code>aims redteam</code> where the application runs (your machine or CI) and upload the
          summary it writes; the scan then appears here like any other.
        </Text>
      </Stack>
    </Alert>
  );
}

/** Starts a scan on the server against an allowed address; the scan page then follows its progress. */
export default function RunScanPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [values, setValues] = useState<RunScanValues>({ ...emptyRunScanValues, system: params.get("system") });
  const [errors, setErrors] = useState<FieldErrors>({});
  const settings = useQuery({
    queryKey: ["redteam", orgId, "settings"],
    queryFn: () => callApi(routes.getRedteamSettings, { params: { orgId } }),
  });
  const systems = useQuery({
    queryKey: ["systems", orgId, "scan-options"],
    queryFn: () => callApi(routes.listSystems, { params: { orgId }, query: { limit: 200 } }),
  });
  const run = useMutation({
    mutationFn: () => callApi(routes.runRedteamScan, { params: { orgId }, body: runScanBody(values) }),
    onSuccess: async (scan) => {
      await navigate(`../scans/${scan.id}`, { relative: "path" });
    },
    onError: (error) => setErrors(serverRunScanErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, run.error);

  if (!can("governance.write")) return <NoAccess title="Run a scan" />;
  if (settings.isPending) return <PageLoader />;
  if (settings.error) return <ErrorAlert error={settings.error} title="Could not load the scan settings" />;
  const { serverScans } = settings.data;

  const bind = (name: keyof Omit<RunScanValues, "system" | "type">) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [name]: value }));
    },
    error: errors[name],
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = checkRunScan(values);
    setErrors(local);
    if (Object.keys(local).length === 0) run.mutate();
  };

  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        Back to security tests
      </Anchor>
      <PageHeader title="Run a scan" />
      {!serverScans.enabled ? (
        <ServerScansOff />
      ) : (
        <Card withBorder component="section" aria-label="Scan settings">
          <form ref={formRef} onSubmit={submit} noValidate>
            <Stack maw={640}>
              <Text size="sm">
                The built-in probe pack is sent to the application from this server. Allowed origins:
              </Text>
              <List size="sm">
                {serverScans.allowedOrigins.map((origin) => (
                  <List.Item key={origin}>
                    <code>{origin}</code>
                  </List.Item>
                ))}
              </List>
              <Select
                label="AI system"
                required
                searchable
                placeholder={systems.isPending ? "Loading systems…" : "Choose the system under test"}
                data={(systems.data?.items ?? []).map((system) => ({ value: system.id, label: system.name }))}
                value={values.system}
                onChange={(system) => setValues((old) => ({ ...old, system }))}
                error={errors.system}
              />
              <div>
                <Text size="sm" fw={500} id="target-type-label" mb={4}>
                  Target type
                </Text>
                <SegmentedControl
                  aria-labelledby="target-type-label"
                  value={values.type}
                  onChange={(type) => setValues((old) => ({ ...old, type: type as RunScanValues["type"] }))}
                  data={[
                    { value: "openai", label: "OpenAI-compatible chat API" },
                    { value: "http", label: "HTTP JSON endpoint" },
                  ]}
                />
              </div>
              <TextInput
                label={values.type === "openai" ? "Base URL" : "Endpoint URL"}
                description={
                  values.type === "openai"
                    ? "For example http://127.0.0.1:8000/v1; requests go to /chat/completions under it."
                    : 'Receives {"message": "…"} as JSON.'
                }
                required
                maxLength={2000}
                {...bind("url")}
              />
              {values.type === "openai" ? (
                <TextInput label="Model" required maxLength={256} {...bind("model")} />
              ) : (
                <TextInput
                  label="Reply field"
                  description="Where the answer text is in the JSON reply, e.g. data.reply. Leave empty for a text reply."
                  maxLength={256}
                  {...bind("reply")}
                />
              )}
              <TextInput
                label="API key variable"
                description={
                  serverScans.apiKeys.length > 0
                    ? `A key the administrator bound to this organisation: ${serverScans.apiKeys.map((key) => `${key.name} (for ${key.origins.join(", ")})`).join("; ")}. The key itself is never sent or stored.`
                    : "No key is bound to this organisation; leave empty for a target that needs none."
                }
                maxLength={90}
                {...bind("apiKeyEnv")}
              />
              <Group grow align="flex-start">
                <TextInput
                  label="Seed"
                  description="The same seed repeats the same test cases."
                  inputMode="numeric"
                  {...bind("seed")}
                />
                <TextInput label="Cases at once" description="1 to 8." inputMode="numeric" {...bind("concurrency")} />
              </Group>
              {run.error && Object.keys(serverRunScanErrors(run.error)).length === 0 && (
                <ErrorAlert error={run.error} title="The scan was not started" />
              )}
              <Group>
                <Button type="submit" loading={run.isPending}>
                  Start the scan
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
