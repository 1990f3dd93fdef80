import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { reasonSchema, routes, type TrainingRecord, type TrainingValidity } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { EnumFilter, FilterBar, useFilterParams } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";
import { RecordTrainingModal } from "./record-training-modal";
import { useCompetenceRefresh, useMemberOptions } from "./use-competence-data";

const validityTone: Record<TrainingValidity, Tone> = { current: "success", expiring: "attention", expired: "danger" };
const filterKeys = ["memberId", "course", "validity"] as const;

/** Training records with filters by member, course and validity; record one or import a file. */
export function TrainingRecordsPanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const refresh = useCompetenceRefresh(orgId);
  const members = useMemberOptions(orgId);
  const { params, bind, setFilter, filtered } = useFilterParams(filterKeys);
  const [recording, setRecording] = useState(false);
  const [archiving, setArchiving] = useState<TrainingRecord | null>(null);
  const [course, setCourse] = useState(params.get("course") ?? "");
  const query = {
    memberId: params.get("memberId") ?? undefined,
    course: params.get("course") ?? undefined,
    validity: (params.get("validity") as TrainingValidity | null) ?? undefined,
  };
  const list = usePagedQuery(["competence", orgId, "training", query], (cursor) =>
    callApi(routes.listTrainingRecords, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
  );
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveTrainingRecord, {
        params: { orgId, trainingRecordId: archiving?.id ?? "" },
        body: { reason, version: archiving?.version ?? 0 },
      }),
    onSuccess: refresh,
  });
  const member = bind("memberId");
  return (
    <Stack>
      {canWrite && (
        <Group>
          <Button onClick={() => setRecording(true)}>Record training</Button>
          <Button component={Link} to="import" variant="default">
            Import training records
          </Button>
        </Group>
      )}
      <FilterBar>
        <Select
          label="Member"
          placeholder="Anyone"
          data={members.data ?? []}
          value={member.value ?? null}
          onChange={member.onChange}
          clearable
          searchable
        />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setFilter("course", course.trim() || null);
          }}
          aria-label="Filter by course"
        >
          <TextInput
            label="Course"
            description="Press Enter to filter"
            value={course}
            onChange={(e) => setCourse(e.currentTarget.value)}
          />
        </form>
        <EnumFilter of="trainingValidity" label="Validity" {...bind("validity")} />
      </FilterBar>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>
          {filtered
            ? "No training record matches these filters. Clear a filter to see more."
            : "No training recorded yet. Record completed courses one by one, or import them from a spreadsheet."}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Member</Table.Th>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Provider</Table.Th>
                <Table.Th scope="col">Completed</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">Validity</Table.Th>
                <Table.Th scope="col">Evidence</Table.Th>
                {canWrite && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td>{record.member.name || record.member.email}</Table.Td>
                  <Table.Td>{record.course}</Table.Td>
                  <Table.Td>{record.provider || "—"}</Table.Td>
                  <Table.Td>{formatDate(record.completedOn)}</Table.Td>
                  <Table.Td>{record.expiresOn ? formatDate(record.expiresOn) : "Does not expire"}</Table.Td>
                  <Table.Td>
                    <StatusBadge of="trainingValidity" value={record.validity} tone={validityTone[record.validity]} />
                  </Table.Td>
                  <Table.Td>
                    {record.evidence ? (
                      <Anchor component={Link} to={`/o/${orgId}/evidence/${record.evidence.id}`}>
                        {record.evidence.ref}
                      </Anchor>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setArchiving(record)}
                        aria-label={`Archive ${record.course} of ${record.member.name || record.member.email}`}
                      >
                        Archive
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <RecordTrainingModal orgId={orgId} opened={recording} onClose={() => setRecording(false)} />
      <ReasonModal
        opened={archiving !== null}
        title="Archive training record"
        description="Use this for a record entered by mistake; it stays on record and no longer counts."
        label="Reason"
        confirmLabel="Archive"
        errorTitle="The training record was not archived"
        schema={reasonSchema}
        mutation={archive}
        onClose={() => setArchiving(null)}
      />
    </Stack>
  );
}
