import { Anchor, Button, Group, Stack, Table, Text } from "@mantine/core";
import { type Concern, type ConcernStatus, labelOf, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { EnumFilter } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ConcernLinkSection } from "./concern-link-section";
import { ConcernStatusBadge } from "./incident-badges";
import { type Triage, TriageModal } from "./triage-modals";

function Outcome({ orgId, concern }: { orgId: string; concern: Concern }) {
  if (concern.incident)
    return (
      <Anchor component={Link} to={`/o/${orgId}/incidents/${concern.incident.id}`}>
        {concern.incident.ref}
      </Anchor>
    );
  if (concern.risk)
    return (
      <Anchor component={Link} to={`/o/${orgId}/risks/${concern.risk.id}`}>
        {concern.risk.ref}
      </Anchor>
    );
  return concern.closedReason ? <Text size="sm">{concern.closedReason}</Text> : null;
}

/** Concerns waiting for triage, newest first, each turned into an incident, a risk or closed; and the anonymous link. */
export default function ConcernQueuePage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as ConcernStatus | null) ?? undefined;
  const [triage, setTriage] = useState<{ concern: Concern; step: Triage } | null>(null);
  const list = usePagedQuery(
    ["incidents", orgId, "concerns", { status }],
    (cursor) => callApi(routes.listConcerns, { params: { orgId }, query: { status, cursor, limit: PAGE_SIZE } }),
    { enabled: can("concerns.manage") },
  );
  if (!can("concerns.manage")) return <NoAccess title="Concerns" />;

  return (
    <Stack>
      <PageHeader title="Concerns">
        <Button component={Link} to={`/o/${orgId}/incidents`} variant="default">
          Back to incidents
        </Button>
      </PageHeader>
      <Text c="dimmed">
        Concerns reported by members or through the anonymous link (A.3.3). Triage each one: open an incident, add a
        risk, or close it with a reason.
      </Text>
      <EnumFilter
        of="concernStatus"
        label="Status"
        value={status}
        onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
        maw={260}
      />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>
          {status ? "No concerns with this status." : "No concerns yet. Members report them from the incidents page."}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Concern</Table.Th>
                <Table.Th scope="col">Received</Table.Th>
                <Table.Th scope="col">From</Table.Th>
                <Table.Th scope="col">What happened</Table.Th>
                <Table.Th scope="col">AI system</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Outcome</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((concern) => (
                <Table.Tr key={concern.id}>
                  <Table.Td>{concern.ref}</Table.Td>
                  <Table.Td>{formatDateTime(concern.createdAt)}</Table.Td>
                  <Table.Td>
                    {concern.reportedBy?.name ?? labelOf("concernChannel", concern.channel)}
                    {concern.contactPreference && (
                      <Text size="xs" c="dimmed">
                        Contact: {concern.contactPreference}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap", maxWidth: 360 }}>{concern.description}</Table.Td>
                  <Table.Td>{concern.system?.name ?? (concern.systemName || "—")}</Table.Td>
                  <Table.Td>
                    <ConcernStatusBadge status={concern.status} />
                  </Table.Td>
                  <Table.Td>
                    {concern.status === "new" ? (
                      <Group gap="xs">
                        <Button size="compact-sm" onClick={() => setTriage({ concern, step: "incident" })}>
                          Open incident
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setTriage({ concern, step: "risk" })}
                        >
                          Add risk
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setTriage({ concern, step: "close" })}
                        >
                          Close
                        </Button>
                      </Group>
                    ) : (
                      <Outcome orgId={orgId} concern={concern} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      <ConcernLinkSection orgId={orgId} />
      {triage && (
        <TriageModal orgId={orgId} concern={triage.concern} triage={triage.step} onClose={() => setTriage(null)} />
      )}
    </Stack>
  );
}
