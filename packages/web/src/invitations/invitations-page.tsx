import { Select, Stack, Title } from "@mantine/core";
import { enumOptions, type invitationStatuses, routes } from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";

type StatusFilter = (typeof invitationStatuses)[number] | "all";
const statusOptions = [...enumOptions("invitationStatus"), { value: "all" as const, label: "All" }];

export default function InvitationsPage() {
  const { orgId, can } = useOrg();
  const [status, setStatus] = useState<StatusFilter>("pending");
  const list = usePagedQuery(
    ["invitations", orgId, { status }],
    (cursor) => callApi(routes.listInvitations, { params: { orgId }, query: { status, cursor, limit: PAGE_SIZE } }),
    { enabled: can("invitations.read") },
  );

  if (!can("invitations.read")) return <NoAccess title="Invitations" />;

  return (
    <Stack gap="lg">
      <PageHeader title="Invitations" />
      {can("invitations.manage") && <InviteForm />}
      <section aria-labelledby="invitation-list">
        <Title order={2} size="h3" id="invitation-list" mb="sm">
          Invitation history
        </Title>
        <Select<StatusFilter>
          label="Status"
          data={statusOptions}
          value={status}
          onChange={(value) => setStatus(value ?? "pending")}
          allowDeselect={false}
          w={220}
          mb="md"
        />
        {list.error && <ErrorAlert error={list.error} />}
        {list.isPending ? <PageLoader /> : <InvitationsTable invitations={list.items} />}
        <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </section>
    </Stack>
  );
}
