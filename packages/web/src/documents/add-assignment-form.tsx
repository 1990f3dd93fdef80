import { Button, Card, Group, Select, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type AimsProcess, aimsProcesses, type RaciRole, raciRoles, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { serverFieldErrors } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { processLabels, raciLabels } from "./document-labels";
import { useMemberOptions } from "./use-member-options";
import { useSystemOptions } from "./use-system-options";

type SubjectType = "process" | "system";

/** Gives a member a RACI role for an AIMS process or an AI system. */
export function AddAssignmentForm() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const members = useMemberOptions();
  const systems = useSystemOptions();
  const [subjectType, setSubjectType] = useState<SubjectType>("process");
  const [process, setProcess] = useState<AimsProcess | null>(null);
  const [systemId, setSystemId] = useState<string | null>(null);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [raciRole, setRaciRole] = useState<RaciRole | null>("responsible");
  const [note, setNote] = useState("");
  const assign = useMutation({
    mutationFn: () => {
      const common = { memberId: memberId ?? "", raciRole: raciRole ?? "responsible", note };
      return callApi(routes.createResponsibility, {
        params: { orgId },
        body:
          subjectType === "process"
            ? { subjectType, process: process ?? ("" as AimsProcess), ...common }
            : { subjectType, systemId: systemId ?? "", ...common },
      });
    },
    onSuccess: async (created) => {
      notifications.show({ color: "green", message: `${created.member.name} is now ${created.raciRole}.` });
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ["responsibilities", orgId] });
    },
    meta: { inlineError: true },
  });
  const errors = serverFieldErrors(assign.error);
  const formRef = useErrorFocus(errors, assign.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate();
  };

  return (
    <Card withBorder component="section" aria-labelledby="assign-heading">
      <Title order={2} size="h3" id="assign-heading" mb="sm">
        Assign a responsibility
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        {assign.error && Object.keys(errors).length === 0 && (
          <ErrorAlert error={assign.error} title="Not assigned" mb="sm" />
        )}
        <Group align="flex-start" wrap="wrap">
          <Select<SubjectType>
            label="For"
            data={[
              { value: "process", label: "An AIMS process" },
              { value: "system", label: "An AI system" },
            ]}
            value={subjectType}
            onChange={(value) => setSubjectType(value ?? "process")}
            allowDeselect={false}
          />
          {subjectType === "process" ? (
            <Select<AimsProcess>
              label="Process"
              required
              data={aimsProcesses.map((value) => ({ value, label: processLabels[value] }))}
              value={process}
              onChange={setProcess}
              searchable
              error={errors.process}
            />
          ) : (
            <Select
              label="AI system"
              required
              data={systems.data ?? []}
              value={systemId}
              onChange={setSystemId}
              searchable
              error={errors.systemId}
            />
          )}
          <Select
            label="Member"
            required
            data={members.data ?? []}
            value={memberId}
            onChange={setMemberId}
            searchable
            error={errors.memberId}
          />
          <Select<RaciRole>
            label="Role"
            required
            data={raciRoles.map((value) => ({ value, label: raciLabels[value] }))}
            value={raciRole}
            onChange={setRaciRole}
            allowDeselect={false}
            error={errors.raciRole}
          />
          <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        </Group>
        <Group mt="md">
          <Button type="submit" loading={assign.isPending}>
            Assign
          </Button>
        </Group>
      </form>
    </Card>
  );
}
