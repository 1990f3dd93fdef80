import { Group, Select, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type Role, roles, routes } from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { roleLabel } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { MembersTable } from "./members-table";

type Status = "active" | "archived" | "all";
const statusOptions: { value: Status; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "archived", label: "Archived" },
  { value: "all", label: "All" },
];

export default function MembersPage() {
  const { orgId } = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<Status>("active");
  const list = usePagedQuery(["members", orgId, { q, role, status }], (cursor) =>
    callApi(routes.listMembers, {
      params: { orgId },
      query: { q: q || undefined, role: role ?? undefined, status, cursor, limit: PAGE_SIZE },
    }),
  );

  return (
    <Stack>
      <PageHeader title="Members" />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          description="Name or e-mail"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Select<Role>
          label="Filter by role"
          placeholder="All roles"
          data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          value={role}
          onChange={setRole}
          clearable
        />
        <Select<Status>
          label="Status"
          data={statusOptions}
          value={status}
          onChange={(value) => setStatus(value ?? "active")}
          allowDeselect={false}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <MembersTable members={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
