import { Anchor, Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { SelfApprovalNote, useApprovalCheck } from "../approvals/segregation-of-duties";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { agentPath, diffPath, policyPath } from "./agent-paths";
import { PolicyProblems } from "./policy-problems";
import { ReplayPanel } from "./replay-panel";

/** One policy version: a draft is edited here with live validation, then approved or withdrawn. */
export default function PolicyEditorPage() {
  const { orgId, can } = useOrg();
  const { policyId = "", versionId = "" } = useParams();
  const queryClient = useQueryClient();
  const policy = useQuery({
    queryKey: ["agent-policies", orgId, policyId],
    queryFn: ({ signal }) => callApi(routes.getAgentPolicy, { params: { orgId, policyId }, signal }),
  });
  const version = policy.data?.versions.find((item) => item.id === versionId);
  // Edits start again from the stored text whenever another version, or a newer save of it, is loaded.
  const [edits, setEdits] = useState<{ key: string; source: string | null; changeNote: string | null }>({
    key: "",
    source: null,
    changeNote: null,
  });
  const key = version ? `${version.id}:${version.version}` : "";
  const current = edits.key === key ? edits : { key, source: null, changeNote: null };
  const source = current.source;
  const changeNote = current.changeNote;
  const setSource = (value: string) => setEdits({ ...current, source: value });
  const setChangeNote = (value: string) => setEdits({ ...current, changeNote: value });
  const text = source ?? version?.source ?? "";
  const isDraft = version?.status === "draft";
  const canWrite = can("governance.write") && isDraft;
  const [debounced] = useDebouncedValue(text, 400);
  const validation = useQuery({
    queryKey: ["agent-policy-validate", orgId, policy.data?.systemId ?? null, debounced],
    queryFn: ({ signal }) =>
      callApi(routes.validateAgentPolicy, {
        params: { orgId },
        body: { source: debounced, systemId: policy.data?.systemId ?? null },
        signal,
      }),
    enabled: Boolean(policy.data) && isDraft && debounced.trim() !== "",
  });
  const approvalCheck = useApprovalCheck("agent_policy_version", versionId, version?.version ?? 0, isDraft);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["agent-policies", orgId] });
  const save = useMutation({
    mutationFn: () =>
      callApi(routes.updateAgentPolicyVersion, {
        params: { orgId, policyId, versionId },
        body: { source: text, changeNote: changeNote ?? version?.changeNote ?? "", version: version?.version ?? 0 },
      }),
    onSuccess: refresh,
  });
  const act = useMutation({
    mutationFn: (action: "approve" | "withdraw") =>
      callApi(action === "approve" ? routes.approveAgentPolicyVersion : routes.withdrawAgentPolicyVersion, {
        params: { orgId, policyId, versionId },
        body: { version: version?.version ?? 0 },
      }),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["agents", orgId] });
    },
  });
  if (policy.error) return <ErrorAlert error={policy.error} />;
  if (!policy.data) return <PageLoader />;
  if (!version) return <Text>This version is not part of the policy.</Text>;
  const dirty = text !== version.source || (changeNote ?? version.changeNote) !== version.changeNote;
  const errors = validation.data?.errors ?? (dirty ? [] : version.problems);
  const back = policy.data.systemId ? agentPath(orgId, policy.data.systemId) : policyPath(orgId, policy.data.id);
  return (
    <Stack>
      <PageHeader title={`${policy.data.ref} version ${version.number}`}>
        <StatusBadge of="policyVersionStatus" value={version.status} />
      </PageHeader>
      <Group>
        <Anchor component={Link} to={back}>
          Back to {policy.data.systemName ?? "the organisation default"}
        </Anchor>
        {policy.data.approvedVersionId && policy.data.approvedVersionId !== version.id && (
          <Anchor component={Link} to={diffPath(orgId, policy.data.id, policy.data.approvedVersionId, version.id)}>
            Compare with the approved version
          </Anchor>
        )}
      </Group>
      <Textarea
        label="Policy (YAML or JSON)"
        description="default, tools, classes, flows, resources, prompts and limits; see the policy format in the docs"
        value={text}
        onChange={(event) => setSource(event.currentTarget.value)}
        readOnly={!canWrite}
        autosize
        minRows={14}
        spellCheck={false}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      {isDraft && (
        <>
          {validation.isFetching && (
            <Text size="sm" c="dimmed">
              Checking…
            </Text>
          )}
          {validation.data?.ok && (
            <Text size="sm" c="green">
              The policy compiles against the agent's tools.
            </Text>
          )}
          <PolicyProblems title="Mistakes to fix before approval" problems={errors} tone="red" />
          <PolicyProblems title="Warnings" problems={validation.data?.warnings ?? []} tone="orange" />
        </>
      )}
      <TextInput
        label="Change note"
        value={changeNote ?? version.changeNote}
        onChange={(event) => setChangeNote(event.currentTarget.value)}
        readOnly={!canWrite}
        maxLength={2000}
      />
      {canWrite && (
        <Stack gap="xs">
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty}>
              Save draft
            </Button>
            <Button
              color="green"
              onClick={() => act.mutate("approve")}
              loading={act.isPending && act.variables === "approve"}
              disabled={dirty || approvalCheck?.mayApprove === false || errors.length > 0}
            >
              Approve
            </Button>
            <Button
              variant="default"
              onClick={() => act.mutate("withdraw")}
              loading={act.isPending && act.variables === "withdraw"}
            >
              Withdraw
            </Button>
          </Group>
          {dirty && (
            <Text size="sm" c="dimmed">
              Save the draft before approving it.
            </Text>
          )}
          <SelfApprovalNote check={approvalCheck} />
        </Stack>
      )}
      {save.error && <ErrorAlert error={save.error} title="Could not save the draft" />}
      {act.error && <ErrorAlert error={act.error} />}
      <ReplayPanel orgId={orgId} policyId={policy.data.id} versionId={version.id} systemId={policy.data.systemId} />
    </Stack>
  );
}
