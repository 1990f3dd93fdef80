import { Card, Text, Title } from "@mantine/core";
import { AuditTable } from "../audit/audit-table";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { useRecordHistory } from "./use-nonconformity-data";

/** The nonconformity's entries in the audit trail, newest first. */
export function NonconformityHistory({ orgId, nonconformityId }: { orgId: string; nonconformityId: string }) {
  const history = useRecordHistory(orgId, nonconformityId, true);
  return (
    <Card withBorder component="section" aria-labelledby="nc-history-heading">
      <Title order={2} size="h3" id="nc-history-heading" mb="sm">
        History
      </Title>
      {history.error ? (
        <ErrorAlert error={history.error} title="Could not load the history" />
      ) : !history.data ? (
        <PageLoader />
      ) : history.data.items.length === 0 ? (
        <Text>No changes recorded yet.</Text>
      ) : (
        <AuditTable entries={history.data.items} />
      )}
    </Card>
  );
}
