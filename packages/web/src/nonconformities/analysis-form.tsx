import { Button, Card, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { enumOptions, labelOf, type NonconformityDetail, type RootCauseMethod, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";

/** The correction (what was done at once) and the root-cause analysis with its method. */
export function AnalysisForm({
  orgId,
  nonconformity,
  editable,
}: {
  orgId: string;
  nonconformity: NonconformityDetail;
  editable: boolean;
}) {
  const queryClient = useQueryClient();
  const [correction, setCorrection] = useState(nonconformity.correction);
  const [rootCause, setRootCause] = useState(nonconformity.rootCause);
  const [method, setMethod] = useState<RootCauseMethod | null>(nonconformity.rootCauseMethod);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () =>
      callApi(routes.updateNonconformity, {
        params: { orgId, nonconformityId: nonconformity.id },
        body: { version: nonconformity.version, correction, rootCause, rootCauseMethod: method },
      }),
    onSuccess: async () => {
      setErrors({});
      await queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Card withBorder component="section" aria-labelledby="nc-analysis-heading">
      <Title order={2} size="h3" id="nc-analysis-heading" mb="sm">
        Correction and root cause
      </Title>
      {editable ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="Correction and root cause">
          <Stack>
            {save.error && <ErrorAlert error={save.error} title="Not saved" />}
            <Textarea
              label="Correction"
              description="What was done at once to contain the problem and its consequences"
              autosize
              minRows={2}
              value={correction}
              onChange={(e) => setCorrection(e.currentTarget.value)}
              error={errors.correction}
            />
            <Select
              label="Root-cause method"
              placeholder="Not chosen"
              data={enumOptions("rootCauseMethod")}
              value={method}
              onChange={(value) => setMethod(value as RootCauseMethod | null)}
              clearable
              error={errors.rootCauseMethod}
              maw={320}
            />
            <Textarea
              label="Root cause"
              description="Why it happened, so the corrective actions remove the cause rather than the symptom"
              autosize
              minRows={3}
              value={rootCause}
              onChange={(e) => setRootCause(e.currentTarget.value)}
              error={errors.rootCause}
            />
            <Button type="submit" loading={save.isPending} w="fit-content">
              Save analysis
            </Button>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          <Text fw={500}>Correction</Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{nonconformity.correction || "None recorded."}</Text>
          <Text fw={500}>
            Root cause
            {nonconformity.rootCauseMethod ? ` (${labelOf("rootCauseMethod", nonconformity.rootCauseMethod)})` : ""}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{nonconformity.rootCause || "None recorded."}</Text>
        </Stack>
      )}
    </Card>
  );
}
