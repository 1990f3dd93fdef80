import { Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from "@mantine/core";
import {
  type CompetenceRequirement,
  labelOf,
  reasonSchema,
  routes,
  updateCompetenceRequirementRequestSchema,
} from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { useErrorFocus } from "../ui/use-error-focus";
import { appliesToLabel } from "./applies-to-label";
import { RequirementForm } from "./requirement-form";
import { useCompetenceRefresh } from "./use-competence-data";

/** Changes a requirement's wording, course or renewal period. */
function EditRequirementModal({
  orgId,
  requirement,
  onClose,
}: {
  orgId: string;
  requirement: CompetenceRequirement;
  onClose: () => void;
}) {
  const refresh = useCompetenceRefresh(orgId);
  const [values, setValues] = useState({
    competence: requirement.competence,
    course: requirement.course,
    renewalMonths: (requirement.renewalMonths ?? "") as number | string,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: unknown) =>
      callApi(routes.updateCompetenceRequirement, {
        params: { orgId, requirementId: requirement.id },
        body: updateCompetenceRequirementRequestSchema.parse(body),
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const formRef = useErrorFocus(errors, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...values,
      renewalMonths: values.renewalMonths === "" ? null : Number(values.renewalMonths),
      version: requirement.version,
    };
    const result = validate(updateCompetenceRequirementRequestSchema, body);
    setErrors(result.errors ?? {});
    if (!result.errors) save.mutate(body);
  };
  const title = `Edit the requirement of ${appliesToLabel(requirement.appliesToKind, requirement.appliesTo)}`;
  return (
    <Modal opened onClose={onClose} title={title}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack>
          {save.error && <ErrorAlert error={save.error} title="The requirement was not changed" />}
          <TextInput
            label="Competence"
            required
            value={values.competence}
            onChange={(e) => setValues({ ...values, competence: e.currentTarget.value })}
            error={errors.competence}
          />
          <TextInput
            label="Course that meets it"
            required
            value={values.course}
            onChange={(e) => setValues({ ...values, course: e.currentTarget.value })}
            error={errors.course}
          />
          <NumberInput
            label="Renew every (months)"
            description="Empty: does not expire"
            min={1}
            max={120}
            allowDecimal={false}
            value={values.renewalMonths}
            onChange={(renewalMonths) => setValues({ ...values, renewalMonths })}
            error={errors.renewalMonths}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The competences required per role and responsibility, with a form to add one. */
export function RequirementsPanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const refresh = useCompetenceRefresh(orgId);
  const [editing, setEditing] = useState<CompetenceRequirement | null>(null);
  const [archiving, setArchiving] = useState<CompetenceRequirement | null>(null);
  const list = usePagedQuery(["competence", orgId, "requirements"], (cursor) =>
    callApi(routes.listCompetenceRequirements, { params: { orgId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveCompetenceRequirement, {
        params: { orgId, requirementId: archiving?.id ?? "" },
        body: { reason, version: archiving?.version ?? 0 },
      }),
    onSuccess: refresh,
  });
  return (
    <Stack>
      {canWrite && <RequirementForm orgId={orgId} />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>
          No competence is required yet. Say what each role, and each AIMS responsibility such as risk management or
          internal audit, must be able to do, and which course shows it (clause 7.2).
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Applies to</Table.Th>
                <Table.Th scope="col">Competence</Table.Th>
                <Table.Th scope="col">Course</Table.Th>
                <Table.Th scope="col">Renewal</Table.Th>
                {canWrite && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {labelOf("competenceAppliesToKind", r.appliesToKind)}:{" "}
                    {appliesToLabel(r.appliesToKind, r.appliesTo)}
                  </Table.Td>
                  <Table.Td>{r.competence}</Table.Td>
                  <Table.Td>{r.course}</Table.Td>
                  <Table.Td>
                    {r.renewalMonths === null ? "Does not expire" : `Every ${r.renewalMonths} months`}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditing(r)}
                          aria-label={`Edit the requirement of ${r.course} for ${appliesToLabel(r.appliesToKind, r.appliesTo)}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setArchiving(r)}
                          aria-label={`Archive the requirement of ${r.course} for ${appliesToLabel(r.appliesToKind, r.appliesTo)}`}
                        >
                          Archive
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      {editing && <EditRequirementModal orgId={orgId} requirement={editing} onClose={() => setEditing(null)} />}
      <ReasonModal
        opened={archiving !== null}
        title={`Stop requiring ${archiving?.course ?? ""}`}
        description="The requirement stays on record; coverage no longer counts it."
        label="Reason"
        confirmLabel="Archive"
        errorTitle="The requirement was not archived"
        schema={reasonSchema}
        mutation={archive}
        onClose={() => setArchiving(null)}
      />
    </Stack>
  );
}
