import { Anchor, Button, Group, Select, Stack, Table, Text, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  createImprovementRequestSchema,
  enumOptions,
  type Improvement,
  type ImprovementSource,
  type ImprovementStatus,
  improvementSteps,
  labelOf,
  reasonSchema,
  routes,
} from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";
import { errorMessage } from "../api/api-error";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { StatusBadge } from "../ui/status-badge";
import { useErrorFocus } from "../ui/use-error-focus";
import { improvementTone } from "./nonconformity-tones";
import { SourceLink } from "./source-link";
import { useMemberOptions } from "./use-nonconformity-data";

/** The improvement log (clause 10.1): opportunities for improvement from any source. */
export default function ImprovementLogPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as ImprovementStatus | null) ?? undefined;
  const list = usePagedQuery(["improvements", orgId, "list", status], (cursor) =>
    callApi(routes.listImprovements, { params: { orgId }, query: { status, cursor, limit: PAGE_SIZE } }),
  );
  const canWrite = can("governance.write");
  return (
    <Stack>
      <Anchor component={Link} to={`/o/${orgId}/nonconformities`}>
        Back to nonconformities
      </Anchor>
      <PageHeader title="Improvement log" />
      {canWrite && <LogImprovementForm orgId={orgId} />}
      <Select
        label="Status"
        placeholder="Any status"
        data={enumOptions("improvementStatus")}
        value={status ?? null}
        onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
        clearable
        maw={240}
      />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>
          {status
            ? "No improvement has this status."
            : "The log is empty. Log an opportunity for improvement when an incident, audit, review or anyone's idea shows how the management system could work better."}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ref</Table.Th>
                <Table.Th scope="col">Opportunity</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
                <Table.Th scope="col">Logged</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.ref}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {item.title}
                    </Text>
                    {item.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {item.description}
                      </Text>
                    )}
                    {item.declineReason && (
                      <Text size="xs" c="dimmed">
                        Declined: {item.declineReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <SourceLink orgId={orgId} kind="improvementSource" {...item} />
                  </Table.Td>
                  <Table.Td>{item.owner?.name ?? "—"}</Table.Td>
                  <Table.Td>{formatDate(item.createdAt)}</Table.Td>
                  <Table.Td>
                    {canWrite && improvementSteps[item.status].length > 0 ? (
                      <ImprovementStatusSelect orgId={orgId} item={item} />
                    ) : (
                      <StatusBadge of="improvementStatus" value={item.status} tone={improvementTone[item.status]} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}

/** Moves an improvement on; declining asks for the reason first. */
function ImprovementStatusSelect({ orgId, item }: { orgId: string; item: Improvement }) {
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const send = (body: { status: ImprovementStatus; declineReason?: string }) =>
    callApi(routes.updateImprovement, {
      params: { orgId, improvementId: item.id },
      body: { ...body, version: item.version },
    });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["improvements", orgId] });
  const update = useMutation({
    mutationFn: (status: ImprovementStatus) => send({ status }),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: "red", title: "Status not changed", message: errorMessage(error) }),
    meta: { inlineError: true },
  });
  const decline = useMutation({
    mutationFn: (reason: string) => send({ status: "declined", declineReason: reason }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });
  const options = [item.status, ...improvementSteps[item.status]].map((value) => ({
    value,
    label: labelOf("improvementStatus", value),
  }));
  return (
    <>
      <Select<ImprovementStatus>
        aria-label={`Status of ${item.ref}`}
        data={options}
        value={item.status}
        onChange={(next) => {
          if (next === "declined") setDeclining(true);
          else if (next && next !== item.status) update.mutate(next);
        }}
        disabled={update.isPending}
        allowDeselect={false}
        size="xs"
        w={150}
      />
      <ReasonModal
        opened={declining}
        title={`Decline ${item.ref}`}
        description="The improvement stays in the log with your reason; it can be proposed again later."
        label="Why it is declined"
        confirmLabel="Decline"
        errorTitle="Could not decline"
        field="declineReason"
        schema={reasonSchema}
        mutation={decline}
        onClose={() => setDeclining(false)}
      />
    </>
  );
}

/** Record-backed sources are set by the page the improvement is logged from, never picked here. */
const pickableSources = enumOptions("improvementSource").filter(
  (option) => !["incident", "alert", "nonconformity", "concern"].includes(option.value),
);

/**
 * Logs an improvement; `?source=nonconformity&sourceId=…` (as a nonconformity page links here) ties it
 * to that record.
 */
function LogImprovementForm({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const members = useMemberOptions(orgId);
  const [params] = useSearchParams();
  const linked = params.get("sourceId")
    ? { source: (params.get("source") ?? "other") as ImprovementSource, sourceId: params.get("sourceId") as string }
    : null;
  const empty = {
    title: "",
    description: "",
    source: linked?.source ?? ("manual" as ImprovementSource),
    owner: null as string | null,
  };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.input<typeof createImprovementRequestSchema>) =>
      callApi(routes.createImprovement, { params: { orgId }, body }),
    onSuccess: async () => {
      setValues(empty);
      await queryClient.invalidateQueries({ queryKey: ["improvements", orgId] });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, create.error);
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createImprovementRequestSchema, {
      title: values.title,
      description: values.description,
      source: values.source,
      sourceId: linked?.sourceId ?? null,
      ownerMemberId: values.owner,
    });
    setErrors(result.errors ?? {});
    if (result.data) create.mutate(result.data);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Log an improvement">
      <Stack gap="xs">
        {create.error && <ErrorAlert error={create.error} title="The improvement was not logged" />}
        <Group align="flex-start">
          <TextInput
            label="Opportunity"
            required
            value={values.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
            w={320}
          />
          {linked ? (
            <TextInput label="Source" value={labelOf("improvementSource", linked.source)} readOnly />
          ) : (
            <Select
              label="Source"
              data={pickableSources}
              value={values.source}
              onChange={(source) => set({ source: (source as ImprovementSource | null) ?? "manual" })}
              allowDeselect={false}
              error={errors.source ?? errors.sourceId}
            />
          )}
          <Select
            label="Owner"
            placeholder="No owner"
            data={members.data ?? []}
            value={values.owner}
            onChange={(owner) => set({ owner })}
            clearable
            searchable
            error={errors.ownerMemberId}
          />
        </Group>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={values.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <Button type="submit" loading={create.isPending} w="fit-content">
          Log improvement
        </Button>
      </Stack>
    </form>
  );
}
