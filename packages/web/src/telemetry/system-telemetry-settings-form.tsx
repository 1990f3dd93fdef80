import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { routes, type SystemTelemetrySettings, updateSystemTelemetrySettingsRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

interface Values {
  serviceName: string;
  captureContent: boolean;
  contentRetentionDays: number | string;
}

const valuesOf = (s: SystemTelemetrySettings): Values => ({
  serviceName: s.serviceName ?? "",
  captureContent: s.captureContent,
  contentRetentionDays: s.contentRetentionDays,
});

/**
 * One system's telemetry settings: the service name its spans carry, and whether prompt and completion
 * text is kept (redacted, for a number of days). Members who may not change governance records see the
 * values without inputs to change them.
 */
export function SystemTelemetrySettingsForm({
  orgId,
  settings,
  canEdit,
}: {
  orgId: string;
  settings: SystemTelemetrySettings;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(valuesOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof updateSystemTelemetrySettingsRequestSchema.parse>) =>
      callApi(routes.updateSystemTelemetrySettings, { params: { orgId, systemId: settings.system.id }, body }),
    onSuccess: async (next) => {
      setValues(valuesOf(next));
      setSaved(true);
      queryClient.setQueryData(["telemetry", orgId, "system-settings", settings.system.id], next);
      await queryClient.invalidateQueries({ queryKey: ["telemetry", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const set = (patch: Partial<Values>) => {
    setSaved(false);
    setValues({ ...values, ...patch });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateSystemTelemetrySettingsRequestSchema, {
      serviceName: values.serviceName.trim() === "" ? null : values.serviceName,
      captureContent: values.captureContent,
      contentRetentionDays: values.contentRetentionDays === "" ? Number.NaN : Number(values.contentRetentionDays),
      version: settings.version,
    });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };
  return (
    <Card withBorder component="section" aria-labelledby="system-telemetry-settings">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="system-telemetry-settings">
        <Stack>
          <Title order={2} size="h4" id="system-telemetry-settings">
            Telemetry settings of this system
          </Title>
          {!canEdit && (
            <Text size="sm" c="dimmed">
              You may read these settings; members who manage governance records can change them.
            </Text>
          )}
          {save.error && <ErrorAlert error={save.error} title="The settings were not saved" />}
          <TextInput
            label="Service name"
            description={`The value of the system attribute its spans carry; empty means the system's slug, ${settings.system.slug}`}
            value={values.serviceName}
            onChange={(e) => set({ serviceName: e.currentTarget.value })}
            error={errors.serviceName}
            readOnly={!canEdit}
            maxLength={200}
          />
          <Switch
            label="Capture prompt and completion text"
            description="Off by default: only counts, timings, models and outcomes are kept"
            checked={values.captureContent}
            onChange={(e) => set({ captureContent: e.currentTarget.checked })}
            disabled={!canEdit}
          />
          {values.captureContent && (
            <Alert color="orange" title="What capture stores">
              The text of prompts and completions this system sends is stored on this server, so anomaly detection can
              look for injection attempts and data leaving in outputs. Secrets (API keys, access tokens, private keys,
              passwords) and personal data (e-mail addresses, phone numbers, IBANs, payment card and social security
              numbers) are found by the security-test detectors and replaced before anything is stored; other sensitive
              text, such as names in free text, may remain. Only members who may read the audit trail can read it, and
              it is deleted after the retention period below.
            </Alert>
          )}
          <NumberInput
            label="Keep captured text for (days)"
            description="Between 1 and 3,650 days"
            value={values.contentRetentionDays}
            onChange={(contentRetentionDays) => set({ contentRetentionDays })}
            error={errors.contentRetentionDays}
            allowDecimal={false}
            min={1}
            clampBehavior="none"
            max={3650}
            readOnly={!canEdit}
            maw={280}
          />
          {canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save telemetry settings
              </Button>
              <Text size="sm" role="status" c={saved ? "green.8" : undefined}>
                {saved ? "Saved." : ""}
              </Text>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
