import { Anchor, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { type AgentApprovalStatus, routes } from "@openaims/contracts";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ApprovalStatusBadge, timeLeft } from "./approval-tones";

const filters: { value: AgentApprovalStatus | "all"; label: string }[] = [
  { value: "pending", label: "Waiting" },
  { value: "approved", label: "Approved" },
  { value: "refused", label: "Refused" },
  { value: "expired", label: "Expired" },
  { value: "all", label: "All" },
];

/** The approval queue: agents' actions waiting for a person, oldest first, with the time each has left. */
export default function ApprovalQueuePage() {
  const { orgId } = useOrg();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "pending") as AgentApprovalStatus | "all";
  const systemId = params.get("systemId") ?? undefined;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const list = usePagedQuery(["agent-approvals", orgId, { status, systemId }], (cursor) =>
    callApi(routes.listAgentApprovals, {
      params: { orgId },
      query: { status: status === "all" ? undefined : status, systemId, cursor, limit: PAGE_SIZE },
    }),
  );
  return (
    <Stack>
      <PageHeader title="Agent approvals" />
      <Text c="dimmed">
        Actions your agents want to take that their policy sends to a person first (A.9.2, A.6.2.6). Open a request to
        see the call, its arguments and what the session did before, then approve or refuse it. A request nobody answers
        in time expires and the action is refused.
      </Text>
      <Group>
        <SegmentedControl
          aria-label="Status"
          value={status}
          data={filters}
          onChange={(value) =>
            setParams({ ...(value === "pending" ? {} : { status: value }), ...(systemId ? { systemId } : {}) })
          }
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>{status === "pending" ? "Nothing is waiting for approval." : "No requests."}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Request</Table.Th>
              <Table.Th scope="col">Agent</Table.Th>
              <Table.Th scope="col">Call</Table.Th>
              <Table.Th scope="col">Acting for</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Asked</Table.Th>
              <Table.Th scope="col">Expires</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((approval) => (
              <Table.Tr key={approval.id}>
                <Table.Td>
                  <Anchor component={Link} to={approval.id}>
                    {approval.ref}
                  </Anchor>
                </Table.Td>
                <Table.Td>{approval.system.name}</Table.Td>
                <Table.Td>
                  <code>{approval.call.name}</code>
                </Table.Td>
                <Table.Td>{approval.requester || "—"}</Table.Td>
                <Table.Td>
                  <ApprovalStatusBadge status={approval.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(approval.createdAt)}</Table.Td>
                <Table.Td>{approval.status === "pending" ? timeLeft(approval.expiresAt, now) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
