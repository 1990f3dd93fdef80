import { Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { routes, type TelemetrySettings, updateTelemetrySettingsRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

interface Values {
  systemAttribute: string;
  callerAttribute: string;
  spanRetentionHours: number | string;
}

const valuesOf = (s: TelemetrySettings): Values => ({
  systemAttribute: s.systemAttribute,
  callerAttribute: s.callerAttribute,
  spanRetentionHours: s.spanRetentionHours,
});

/** The organisation's telemetry settings: which attributes name the AI system and the caller, and span retention. */
export function TelemetrySettingsForm({
  orgId,
  settings,
  canEdit,
}: {
  orgId: string;
  settings: TelemetrySettings;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(valuesOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof updateTelemetrySettingsRequestSchema.parse>) =>
      callApi(routes.updateTelemetrySettings, { params: { orgId }, body }),
    onSuccess: async (next) => {
      setValues(valuesOf(next));
      setSaved(true);
      queryClient.setQueryData(["telemetry", orgId, "settings"], next);
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
    const result = validate(updateTelemetrySettingsRequestSchema, {
      ...values,
      spanRetentionHours: values.spanRetentionHours === "" ? Number.NaN : Number(values.spanRetentionHours),
      version: settings.version,
    });
    setErrors(result.errors ?? {});
    if (result.data) save.mutate(result.data);
  };
  return (
    <Card withBorder component="section" aria-labelledby="telemetry-settings">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="telemetry-settings">
        <Stack>
          <Title order={2} size="h4" id="telemetry-settings">
            How spans are read
          </Title>
          {!canEdit && (
            <Text size="sm" c="dimmed">
              You may read these settings; members who manage governance records can change them.
            </Text>
          )}
          {save.error && <ErrorAlert error={save.error} title="The settings were not saved" />}
          <Group grow align="flex-start">
            <TextInput
              label="System attribute"
              description="The resource attribute whose value names the AI system, such as service.name"
              required={canEdit}
              value={values.systemAttribute}
              onChange={(e) => set({ systemAttribute: e.currentTarget.value })}
              error={errors.systemAttribute}
              readOnly={!canEdit}
              maxLength={200}
            />
            <TextInput
              label="Caller attribute"
              description="The span attribute that names who called, such as enduser.id; alerts name the caller"
              required={canEdit}
              value={values.callerAttribute}
              onChange={(e) => set({ callerAttribute: e.currentTarget.value })}
              error={errors.callerAttribute}
              readOnly={!canEdit}
              maxLength={200}
            />
          </Group>
          <NumberInput
            label="Keep raw spans for (hours)"
            description="Between 1 and 8,760 hours (a year); per-minute rollups and metrics are kept regardless"
            required={canEdit}
            value={values.spanRetentionHours}
            onChange={(spanRetentionHours) => set({ spanRetentionHours })}
            error={errors.spanRetentionHours}
            allowDecimal={false}
            min={1}
            clampBehavior="none"
            max={8760}
            readOnly={!canEdit}
            maw={360}
          />
          {canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                Save settings
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
