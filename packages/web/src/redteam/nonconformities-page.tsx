import { Anchor, Stack, Table, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { SeverityBadge } from "./severity-badge";

/** Nonconformities raised so far, newest first. */
export default function NonconformitiesPage() {
  const { orgId } = useOrg();
  const list = usePagedQuery(["redteam", orgId, "nonconformities"], (cursor) =>
    callApi(routes.listNonconformities, { params: { orgId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        Back to security tests
      </Anchor>
      <PageHeader title="Nonconformities" />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>No nonconformities have been raised.</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ref</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                <Table.Th scope="col">AI system</Table.Th>
                <Table.Th scope="col">Severity</Table.Th>
                <Table.Th scope="col">Raised</Table.Th>
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
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {item.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.system?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    <SeverityBadge severity={item.severity} />
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(item.createdAt)}
                    {item.raisedBy ? ` by ${item.raisedBy.name}` : ""}
                  </Table.Td>
                  <Table.Td>{item.status === "open" ? "Open" : item.status}</Table.Td>
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
