import { Anchor, Stack, Table, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { validUntilText } from "./evidence-format";
import { EvidenceStateBadge } from "./evidence-state-badge";

/** Evidence that has expired or expires within 30 days, soonest first, with the controls it affects. */
export default function EvidenceAttentionPage() {
  const { orgId } = useOrg();
  const list = usePagedQuery(["evidence", orgId, "attention"], (cursor) =>
    callApi(routes.listEvidenceAttention, { params: { orgId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  return (
    <Stack>
      <Anchor component={Link} to=".." relative="path">
        Back to evidence
      </Anchor>
      <PageHeader title="Evidence needing attention" />
      <Text>Expired evidence, and evidence that expires within 30 days. Renew it to keep its controls current.</Text>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.items.length === 0 ? (
        <Text>Nothing has expired or expires soon.</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Evidence</Table.Th>
                <Table.Th scope="col">Valid until</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Controls affected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map(({ evidence, affectedControls }) => (
                <Table.Tr key={evidence.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`../${evidence.id}`} relative="path">
                      {evidence.ref} · {evidence.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{validUntilText(evidence)}</Table.Td>
                  <Table.Td>
                    <EvidenceStateBadge state={evidence.state} />
                  </Table.Td>
                  <Table.Td>
                    {affectedControls.length === 0
                      ? "None"
                      : affectedControls
                          .map((c) => (c.evidenceState === "current" ? c.ref : `${c.ref} (nothing current left)`))
                          .join(", ")}
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
