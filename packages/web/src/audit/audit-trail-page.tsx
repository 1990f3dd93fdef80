import { Button, Group, Stack } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useState } from "react";
import { buildUrl, callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { LoadMore } from "../ui/load-more";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { type AuditFilterValues, emptyAuditFilters, toAuditQuery } from "./audit-types";
import { VerifyChain } from "./verify-chain";

export default function AuditTrailPage() {
  const { orgId, can } = useOrg();
  const allowed = can("audit_trail.read");
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters);
  const query = toAuditQuery(filters);
  const list = usePagedQuery(
    ["audit-trail", orgId, query],
    (cursor) => callApi(routes.listAuditEntries, { params: { orgId }, query: { ...query, cursor, limit: PAGE_SIZE } }),
    { enabled: allowed },
  );

  if (!allowed) return <NoAccess title="Audit trail" />;

  return (
    <Stack gap="lg">
      <PageHeader title="Audit trail">
        <Group>
          <Button
            component="a"
            variant="default"
            href={buildUrl(routes.exportAuditTrail.path, { orgId })}
            download={`audit-trail-${orgId}.jsonl`}
          >
            Export JSONL
          </Button>
        </Group>
      </PageHeader>
      <VerifyChain />
      <AuditFilters value={filters} onApply={setFilters} />
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? <PageLoader /> : <AuditTable entries={list.items} />}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}
