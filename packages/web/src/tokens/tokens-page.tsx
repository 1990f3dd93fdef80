import { Group, Select, Stack, Switch, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { CreateTokenForm } from "./create-token-form";
import type { TokenStatusFilter } from "./token-types";
import { TokensTable } from "./tokens-table";

const statusOptions: { value: TokenStatusFilter; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "revoked", label: "Revoked" },
  { value: "expired", label: "Expired" },
  { value: "all", label: "All" },
];

export default function TokensPage() {
  const { orgId, can } = useOrg();
  const seesAll = can("tokens.manage_all");
  const [status, setStatus] = useState<TokenStatusFilter>("active");
  const [onlyMine, setOnlyMine] = useState(false);
  const mine = !seesAll || onlyMine ? "true" : "false";
  const list = usePagedQuery(["tokens", orgId, { status, mine }], (cursor) =>
    callApi(routes.listTokens, { params: { orgId }, query: { status, mine, cursor, limit: PAGE_SIZE } }),
  );

  return (
    <Stack gap="lg">
      <PageHeader title="API tokens" />
      <CreateTokenForm />
      <section aria-labelledby="token-list">
        <Title order={2} size="h3" id="token-list" mb="sm">
          {seesAll && !onlyMine ? "Tokens in this organisation" : "Your tokens"}
        </Title>
        <Group align="flex-end" mb="md">
          <Select<TokenStatusFilter>
            label="Status"
            data={statusOptions}
            value={status}
            onChange={(value) => setStatus(value ?? "active")}
            allowDeselect={false}
            w={220}
          />
          {seesAll && (
            <Switch
              label="Only my tokens"
              checked={onlyMine}
              onChange={(event) => setOnlyMine(event.currentTarget.checked)}
              mb={8}
            />
          )}
        </Group>
        {list.error && <ErrorAlert error={list.error} />}
        {list.isPending ? <PageLoader /> : <TokensTable tokens={list.items} showOwner={mine === "false"} />}
        <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </section>
    </Stack>
  );
}
