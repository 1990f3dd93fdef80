import { Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, type SoaDraft } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../../api/client";
import { SelfApprovalNote, useApprovalCheck } from "../../approvals/segregation-of-duties";
import { ErrorAlert } from "../../ui/error-alert";
import { PageLoader } from "../../ui/page-loader";
import { SoaDiffView } from "./soa-diff-view";

/**
 * Approval of the draft: first what changed since the last approved version, then the approval
 * itself, bound to the content hash shown here so a change made meanwhile is refused.
 */
export function SoaApprovePanel({ orgId, draft }: { orgId: string; draft: SoaDraft }) {
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState("");
  const last = draft.lastApproved;
  const approval = useApprovalCheck("soa", undefined, draft.contentHash);
  const diff = useQuery({
    queryKey: ["soa", orgId, "diff", last?.number, "draft", draft.contentHash],
    queryFn: () => callApi(routes.diffSoa, { params: { orgId }, query: { from: last?.number ?? 1 } }),
    enabled: last !== null,
  });
  const approve = useMutation({
    mutationFn: () =>
      callApi(routes.approveSoa, {
        params: { orgId },
        body: { contentHash: draft.contentHash, changeSummary: summary.trim() || undefined },
      }),
    onSuccess: async (version) => {
      setSummary("");
      notifications.show({ color: "green", message: `Version ${version.number} approved.` });
      await queryClient.invalidateQueries({ queryKey: ["soa", orgId] });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: ["soa", orgId, "draft"] }),
    meta: { inlineError: true },
  });

  return (
    <Card withBorder component="section" aria-labelledby="soa-approve-heading">
      <Title order={2} size="h3" id="soa-approve-heading" mb="sm">
        Approve
      </Title>
      <Stack>
        <Title order={3} size="h4">
          {last ? `Changes since version ${last.number}` : "First version"}
        </Title>
        {last === null ? (
          <Text>All {draft.rows.length} controls will make up version 1.</Text>
        ) : diff.isPending ? (
          <PageLoader />
        ) : diff.error ? (
          <ErrorAlert error={diff.error} title="Could not compare" />
        ) : (
          <SoaDiffView diff={diff.data} />
        )}
        <Text size="sm" c="dimmed">
          Content hash reviewed: {draft.contentHash}
        </Text>
        {approve.error && <ErrorAlert error={approve.error} title="Not approved" />}
        <Textarea
          label="Change summary"
          description="Optional; generated from the differences when left empty."
          autosize
          minRows={2}
          value={summary}
          onChange={(event) => setSummary(event.currentTarget.value)}
        />
        <Group>
          <Button
            onClick={() => approve.mutate()}
            loading={approve.isPending}
            disabled={draft.issues.length > 0 || approval?.mayApprove === false}
          >
            Approve this version
          </Button>
          {draft.issues.length > 0 && <Text size="sm">Resolve the consistency issues first.</Text>}
        </Group>
        <SelfApprovalNote check={approval} />
      </Stack>
    </Card>
  );
}
