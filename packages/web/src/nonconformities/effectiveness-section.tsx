import { Alert, Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import {
  type EffectivenessResult,
  enumOptions,
  type NonconformityDetail,
  recordEffectivenessCheckRequestSchema,
  routes,
} from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { useErrorFocus } from "../ui/use-error-focus";

/**
 * Every effectiveness check (a not-effective one stays after the nonconformity reopens), and the form
 * for the next one once every corrective action is finished. Someone other than the raiser records it.
 */
export function EffectivenessSection({
  orgId,
  nonconformity,
  canWrite,
}: {
  orgId: string;
  nonconformity: NonconformityDetail;
  canWrite: boolean;
}) {
  const ready = nonconformity.status === "awaiting_check";
  const approval = useQuery({
    queryKey: ["approval-check", orgId, "nonconformity_check", nonconformity.id, nonconformity.version],
    queryFn: ({ signal }) =>
      callApi(routes.getApprovalCheck, {
        params: { orgId },
        query: { kind: "nonconformity_check", id: nonconformity.id },
        signal,
      }),
    enabled: canWrite && ready,
  });
  return (
    <Card withBorder component="section" aria-labelledby="nc-checks-heading">
      <Title order={2} size="h3" id="nc-checks-heading" mb="sm">
        Effectiveness checks
      </Title>
      <Stack>
        {nonconformity.checks.length === 0 ? (
          <Text>
            {ready
              ? "Every corrective action is finished. Check whether they removed the cause."
              : "No checks yet. Once every corrective action is done or cancelled, someone other than the raiser checks whether they worked."}
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Checked on</Table.Th>
                <Table.Th scope="col">Method</Table.Th>
                <Table.Th scope="col">Result</Table.Th>
                <Table.Th scope="col">Notes</Table.Th>
                <Table.Th scope="col">By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nonconformity.checks.map((check) => (
                <Table.Tr key={check.id}>
                  <Table.Td>{formatDate(check.checkedOn)}</Table.Td>
                  <Table.Td>{check.method}</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      of="effectivenessResult"
                      value={check.result}
                      tone={check.result === "effective" ? "success" : "danger"}
                    />
                  </Table.Td>
                  <Table.Td>{check.notes || "—"}</Table.Td>
                  <Table.Td>{check.checkedBy?.name ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canWrite && ready && approval.data?.mayApprove === false && (
          <Alert color="violet" title="Another member records this check">
            {approval.data.reason}
          </Alert>
        )}
        {canWrite && ready && approval.data?.mayApprove && <CheckForm orgId={orgId} nonconformity={nonconformity} />}
      </Stack>
    </Card>
  );
}

function CheckForm({ orgId, nonconformity }: { orgId: string; nonconformity: NonconformityDetail }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    checkedOn: new Date().toISOString().slice(0, 10),
    method: "",
    result: null as EffectivenessResult | null,
    notes: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const record = useMutation({
    mutationFn: (body: typeof recordEffectivenessCheckRequestSchema._zod.output) =>
      callApi(routes.recordEffectivenessCheck, { params: { orgId, nonconformityId: nonconformity.id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["nonconformities", orgId] }),
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, record.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(recordEffectivenessCheckRequestSchema, { ...values, version: nonconformity.version });
    setErrors(result.errors ?? {});
    if (result.data) record.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Record effectiveness check">
      <Stack>
        {record.error && <ErrorAlert error={record.error} title="The check was not recorded" />}
        <Group align="flex-start" grow>
          <TextInput
            label="Checked on"
            type="date"
            required
            value={values.checkedOn}
            onChange={(e) => set({ checkedOn: e.currentTarget.value })}
            error={errors.checkedOn}
          />
          <Select
            label="Result"
            description="Effective closes the nonconformity; not effective reopens it"
            required
            data={enumOptions("effectivenessResult")}
            value={values.result}
            onChange={(result) => set({ result: result as EffectivenessResult | null })}
            error={errors.result}
          />
        </Group>
        <TextInput
          label="Method"
          description="How you checked, e.g. sampled releases, re-ran the test, reviewed the records"
          required
          value={values.method}
          onChange={(e) => set({ method: e.currentTarget.value })}
          error={errors.method}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          value={values.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={errors.notes}
        />
        <Button type="submit" loading={record.isPending} w="fit-content">
          Record check
        </Button>
      </Stack>
    </form>
  );
}
