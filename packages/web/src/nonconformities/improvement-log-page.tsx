import { Anchor, Stack, Table, Text } from "@mantine/core";
import { type ImprovementStatus, improvementSteps, routes } from "@openaims/contracts";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { EnumFilter } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { ImprovementStatusSelect } from "./improvement-status-select";
import { LogImprovementForm } from "./log-improvement-form";
import { improvementTone } from "./nonconformity-tones";
import { SourceLink } from "./source-link";

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
      <EnumFilter
        of="improvementStatus"
        label="Status"
        value={status}
        onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
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
