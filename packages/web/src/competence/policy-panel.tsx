import { Alert, Anchor, Button, Group, Progress, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { type CurrentAiPolicy, labelOf, routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate, formatDateTime } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageLoader } from "../ui/page-loader";
import { useCompetenceRefresh, useMyPolicyAcknowledgement } from "./use-competence-data";

function PolicyLink({ orgId, policy }: { orgId: string; policy: CurrentAiPolicy }) {
  return (
    <Anchor component={Link} to={`/o/${orgId}/documents/${policy.documentId}`}>
      {policy.ref} {policy.title}, version {policy.versionNumber}
    </Anchor>
  );
}

/** The signed-in member's own standing, with "Acknowledge" when they have not yet. */
export function MyPolicyAcknowledgement({ orgId, onlyWhenDue = false }: { orgId: string; onlyWhenDue?: boolean }) {
  const refresh = useCompetenceRefresh(orgId);
  const mine = useMyPolicyAcknowledgement(orgId);
  const acknowledge = useMutation({
    mutationFn: (versionId: string) => callApi(routes.acknowledgePolicy, { params: { orgId }, body: { versionId } }),
    onSuccess: refresh,
  });
  if (onlyWhenDue && !mine.data?.needsAcknowledgement) return null;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (!mine.data) return <PageLoader />;
  const { policy, needsAcknowledgement, acknowledgedAt } = mine.data;
  if (!policy)
    return (
      <Text>
        There is no approved AI policy yet. Once one is approved under Documents, every member is asked to read and
        acknowledge it here.
      </Text>
    );
  if (!needsAcknowledgement)
    return (
      <Text>
        You acknowledged <PolicyLink orgId={orgId} policy={policy} /> on {formatDateTime(acknowledgedAt)}.
      </Text>
    );
  return (
    <Alert color="orange" title="Please read and acknowledge the AI policy">
      <Stack gap="xs">
        <Text>
          <PolicyLink orgId={orgId} policy={policy} /> was approved on {formatDate(policy.approvedAt)}. Read it, then
          confirm that you have.
        </Text>
        {acknowledge.error && <ErrorAlert error={acknowledge.error} title="Your acknowledgement was not recorded" />}
        <Group>
          <Button loading={acknowledge.isPending} onClick={() => acknowledge.mutate(policy.versionId)}>
            Acknowledge
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Who has and who has not acknowledged the AI policy version in force (clause 7.3). */
export function PolicyPanel({ orgId }: { orgId: string }) {
  const [shown, setShown] = useState<"all" | "yes" | "no">("no");
  const list = usePagedQuery(["competence", orgId, "acknowledgements", shown], (cursor) =>
    callApi(routes.listPolicyAcknowledgements, {
      params: { orgId },
      query: { cursor, limit: PAGE_SIZE, acknowledged: shown === "all" ? undefined : shown },
    }),
  );
  const summary = useQuery({
    queryKey: ["competence", orgId, "acknowledgements", "summary"],
    queryFn: ({ signal }) =>
      callApi(routes.listPolicyAcknowledgements, { params: { orgId }, query: { limit: 1 }, signal }),
  });
  const firstPage = summary.data;
  return (
    <Stack>
      <section aria-labelledby="my-acknowledgement">
        <Title order={2} size="h4" id="my-acknowledgement" mb="xs">
          Your acknowledgement
        </Title>
        <MyPolicyAcknowledgement orgId={orgId} />
      </section>
      <section aria-labelledby="everyone-acknowledgement">
        <Title order={2} size="h4" id="everyone-acknowledgement" mb="xs">
          Everyone
        </Title>
        {list.error && <ErrorAlert error={list.error} />}
        {firstPage?.policy && (
          <Stack gap={4} mb="sm" maw={480}>
            <Text>
              {firstPage.acknowledgedCount} of {firstPage.memberCount} members have acknowledged version{" "}
              {firstPage.policy.versionNumber}.
            </Text>
            <Progress
              value={firstPage.memberCount === 0 ? 0 : (firstPage.acknowledgedCount / firstPage.memberCount) * 100}
              aria-label={`${firstPage.acknowledgedCount} of ${firstPage.memberCount} members have acknowledged the AI policy`}
            />
          </Stack>
        )}
        <SegmentedControl
          aria-label="Show members"
          data={[
            { value: "no", label: "Not yet" },
            { value: "yes", label: "Acknowledged" },
            { value: "all", label: "Everyone" },
          ]}
          value={shown}
          onChange={(value) => setShown(value as typeof shown)}
          mb="sm"
        />
        {list.isPending ? (
          <PageLoader />
        ) : list.items.length === 0 ? (
          <Text>{shown === "no" ? "Everyone has acknowledged the policy in force." : "Nobody to show."}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Member</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Acknowledged</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={item.member.id}>
                  <Table.Td>{item.member.name || item.member.email}</Table.Td>
                  <Table.Td>{labelOf("role", item.member.role)}</Table.Td>
                  <Table.Td>{item.acknowledgedAt ? formatDateTime(item.acknowledgedAt) : "Not yet"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </section>
    </Stack>
  );
}
