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
import { DismissModelFindingModal } from "./dismiss-model-finding-modal";
import { ModelFindingsByFile } from "./model-findings-by-file";
import { ModelScanFacts } from "./model-scan-facts";
import { ModelScanFilesTable } from "./model-scan-files-table";
import { type ModelFinding, modelScansPath } from "./model-scan-labels";
import { useModelFindingActions } from "./use-model-finding-actions";

/** One model scan: verdict, signature and evidence, the files it read, and its findings grouped by file. */
export default function ModelScanPage() {
  const { orgId, can } = useOrg();
  const { modelScanId = "" } = useParams();
  const [dismissing, setDismissing] = useState<ModelFinding | null>(null);
  const actions = useModelFindingActions(orgId);
  const query = useQuery({
    queryKey: ["model-scans", orgId, "scan", modelScanId],
    queryFn: () => callApi(routes.getModelScan, { params: { orgId, modelScanId } }),
  });

  if (query.isPending) return <PageLoader />;
  if (query.error) {
    return (
      <Stack>
        <PageHeader title="Model scan" />
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
      <Anchor component={Link} to={modelScansPath(orgId)}>
        Back to model scans
      </Anchor>
      <PageHeader title={`${scan.ref} · ${scan.asset?.name ?? "model files"}`} />
      <ModelScanFacts orgId={orgId} scan={scan} />
      <section aria-labelledby="model-scan-findings-heading">
        <Title order={2} size="h4" id="model-scan-findings-heading" mb="xs">
          Findings
        </Title>
        {actionError && <ErrorAlert error={actionError} title="Could not raise it" mb="sm" />}
        <ModelFindingsByFile
          orgId={orgId}
          findings={scan.findings}
          canWrite={can("governance.write")}
          busyId={busy}
          onRaiseRisk={(finding) => actions.raiseRisk.mutate(finding)}
          onRaiseNonconformity={(finding) => actions.raiseNonconformity.mutate(finding)}
          onDismiss={setDismissing}
        />
      </section>
      <Card withBorder component="section" aria-labelledby="model-scan-files-heading">
        <Title order={2} size="h4" id="model-scan-files-heading" mb="xs">
          Files
        </Title>
        <ModelScanFilesTable files={scan.files} />
      </Card>
      <DismissModelFindingModal orgId={orgId} finding={dismissing} onClose={() => setDismissing(null)} />
    </Stack>
  );
}
