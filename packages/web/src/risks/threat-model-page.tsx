import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, type ThreatProposalStatus } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { DismissProposalModal } from "./dismiss-proposal-modal";
import { ProposalsTable } from "./proposals-table";
import type { ThreatProposalItem } from "./risk-types";

type StatusFilter = ThreatProposalStatus | "all";
const filterOptions = [
  { value: "all", label: "All" },
  { value: "proposed", label: "Waiting for a decision" },
  { value: "accepted", label: "Accepted" },
  { value: "dismissed", label: "Dismissed" },
];

/** Threat modelling for one AI system: propose threats from the library, then accept or dismiss each. */
export default function ThreatModelPage() {
  const { orgId, can } = useOrg();
  const { systemId = "" } = useParams();
  const queryClient = useQueryClient();
  const canWrite = can("governance.write");
  const [status, setStatus] = useState<StatusFilter>("all");
  const [dismissing, setDismissing] = useState<ThreatProposalItem | null>(null);
  const system = useQuery({
    queryKey: ["systems", orgId, "detail", systemId],
    queryFn: ({ signal }) => callApi(routes.getSystem, { params: { orgId, systemId }, signal }),
  });
  const list = usePagedQuery(["threat-proposals", orgId, systemId, status], (cursor) =>
    callApi(routes.listThreatProposals, { params: { orgId, systemId }, query: { status, cursor, limit: PAGE_SIZE } }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["threat-proposals", orgId] });
  const propose = useMutation({
    mutationFn: () => callApi(routes.proposeThreats, { params: { orgId, systemId } }),
    onSuccess: async (run) => {
      notifications.show({
        color: "blue",
        message: `${run.created.length} new threat${run.created.length === 1 ? "" : "s"} proposed; ${run.skipped} already considered.`,
      });
      await refresh();
    },
    meta: { inlineError: true },
  });
  const accept = useMutation({
    mutationFn: (proposal: ThreatProposalItem) =>
      callApi(routes.acceptThreatProposal, {
        params: { orgId, proposalId: proposal.id },
        body: { version: proposal.version },
      }),
    onSuccess: async (result) => {
      notifications.show({
        color: "blue",
        message: `Risk ${result.proposal.risk?.ref ?? ""} was added to the register.`,
      });
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
    },
    meta: { inlineError: true },
  });
  const name = system.data?.name ?? "AI system";

  return (
    <Stack>
      <PageHeader title={`Threat model: ${name}`}>
        <Group>
          <Button component={Link} to={`/o/${orgId}/risks?systemId=${systemId}`} variant="default">
            Risks of this system
          </Button>
          {canWrite && (
            <Button onClick={() => propose.mutate()} loading={propose.isPending}>
              Propose threats
            </Button>
          )}
        </Group>
      </PageHeader>
      <Text size="sm">
        Proposals come from the threat library, matched to the system's role, data, capabilities and autonomy. Each is a
        prompt for the risk owner: accepting one adds a risk rated with the library's starting values.
      </Text>
      {system.error && <ErrorAlert error={system.error} title="Could not load the AI system" />}
      {(propose.error || accept.error) && <ErrorAlert error={propose.error ?? accept.error} />}
      {system.data?.status === "archived" && (
        <Alert color="gray">This system is archived; its threat model is read-only.</Alert>
      )}
      <Select
        label="Show"
        data={filterOptions}
        value={status}
        onChange={(value) => setStatus((value as StatusFilter | null) ?? "all")}
        allowDeselect={false}
        w={260}
      />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : (
        <ProposalsTable
          orgId={orgId}
          proposals={list.items}
          canWrite={canWrite}
          accepting={accept.isPending ? (accept.variables?.id ?? null) : null}
          onAccept={(proposal) => accept.mutate(proposal)}
          onDismiss={setDismissing}
        />
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <DismissProposalModal orgId={orgId} proposal={dismissing} onClose={() => setDismissing(null)} />
    </Stack>
  );
}
