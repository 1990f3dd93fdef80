import { Anchor, Card, Stack, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { CategoryTotalsTable } from "./category-totals-table";
import { DismissFindingModal } from "./dismiss-finding-modal";
import { FindingsTable } from "./findings-table";
import type { Finding } from "./redteam-types";
import { ScanFacts } from "./scan-facts";
import { useFindingActions } from "./use-finding-actions";

/** One scan: what it tested, the results per category, and its findings with what to do about each. */
export default function ScanDetailPage() {
  const { orgId, can } = useOrg();
  const { scanId = "" } = useParams();
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const actions = useFindingActions(orgId);
  const query = useQuery({
    queryKey: ["redteam", orgId, "scan", scanId],
    queryFn: () => callApi(routes.getRedteamScan, { params: { orgId, scanId } }),
    // A server-side scan reports its progress; look again while it runs.
    refetchInterval: (current) => (current.state.data?.status === "running" ? 2000 : false),
  });

  if (query.isPending) return <PageLoader />;
  if (query.error) {
    return (
      <Stack>
        <PageHeader title="Red-team scan" />
        <ErrorAlert error={query.error} title="Could not load this scan" />
      </Stack>
    );
  }
  const scan = query.data;
  const busy = actions.raiseRisk.isPending
    ? (actions.raiseRisk.variables?.id ?? null)
    : actions.raiseNonconformity.isPending
      ? (actions.raiseNonconformity.variables?.id ?? null)
      : null;
  const actionError = actions.raiseRisk.error ?? actions.raiseNonconformity.error;
  return (
    <Stack>
      <Anchor component={Link} to={`/o/${orgId}/security-tests?system=${scan.system.id}`}>
        Back to the scans of {scan.system.name}
      </Anchor>
      <PageHeader title={`${scan.ref} · ${scan.system.name}`} />
      <ScanFacts orgId={orgId} scan={scan} />
      <Card withBorder component="section" aria-labelledby="scan-categories-heading">
        <Title order={2} size="h4" id="scan-categories-heading" mb="xs">
          Results per category
        </Title>
        <CategoryTotalsTable scan={scan} />
      </Card>
      <section aria-labelledby="scan-findings-heading">
        <Title order={2} size="h4" id="scan-findings-heading" mb="xs">
          Findings
        </Title>
        {actionError && <ErrorAlert error={actionError} title="Could not raise it" mb="sm" />}
        <FindingsTable
          orgId={orgId}
          findings={scan.findings}
          canWrite={can("governance.write")}
          busyId={busy}
          onRaiseRisk={(finding) => actions.raiseRisk.mutate(finding)}
          onRaiseNonconformity={(finding) => actions.raiseNonconformity.mutate(finding)}
          onDismiss={setDismissing}
        />
      </section>
      <DismissFindingModal orgId={orgId} finding={dismissing} onClose={() => setDismissing(null)} />
    </Stack>
  );
}
