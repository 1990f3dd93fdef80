import { Anchor, Code, Group, List, Stack, Text, Title } from "@mantine/core";
import { labelOf, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { GateChecksTable } from "./gate-checks-table";

/** One recorded gate decision with the snapshot of what it checked and the facts it saw; never changed. */
export default function GateDecisionPage() {
  const { orgId } = useOrg();
  const decisionId = useParams().decisionId ?? "";
  const decision = useQuery({
    queryKey: ["gates", orgId, "decision", decisionId],
    queryFn: () => callApi(routes.getGateDecision, { params: { orgId, decisionId } }),
  });
  if (decision.isPending) return <PageLoader />;
  if (decision.error) return <ErrorAlert error={decision.error} title="Could not load the decision" />;
  const { snapshot, ...data } = decision.data;
  const facts = snapshot.facts;
  return (
    <Stack>
      <PageHeader title={`Gate decision ${data.ref}`}>
        <StatusBadge of="gateResult" value={data.result} tone={data.result === "failed" ? "danger" : "success"} />
      </PageHeader>
      <Text>
        <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${data.system.id}`}>
          {data.system.name}
        </Anchor>{" "}
        from {labelOf("lifecycleStage", data.fromStage).toLowerCase()} into{" "}
        {labelOf("lifecycleStage", data.toStage).toLowerCase()}, decided by {data.decidedBy} on{" "}
        {formatDateTime(data.decidedAt)}.
      </Text>
      {snapshot.override && (
        <Text>
          Override {snapshot.override.ref}, asked for by {snapshot.override.requestedBy} and approved by{" "}
          {snapshot.override.approvedBy}: “{snapshot.override.reason}”
        </Text>
      )}
      <section aria-labelledby="snapshot-checks">
        <Title order={2} size="h4" id="snapshot-checks" mb="xs">
          What was checked
        </Title>
        <GateChecksTable checks={snapshot.checks} />
      </section>
      <section aria-labelledby="snapshot-facts">
        <Title order={2} size="h4" id="snapshot-facts" mb="xs">
          Facts the decision saw
        </Title>
        <List size="sm">
          <List.Item>
            Impact assessment: {facts.impactAssessment.ref ?? "none"} ({facts.impactAssessment.state})
          </List.Item>
          <List.Item>
            Risks: {facts.risks.length} ({facts.risks.filter((risk) => risk.open).length} open,{" "}
            {facts.risks.filter((risk) => risk.needsReReview).length} awaiting re-review)
          </List.Item>
          <List.Item>
            Latest security test:{" "}
            {facts.latestScan
              ? `${facts.latestScan.ref}, finished ${formatDateTime(facts.latestScan.finishedAt)}, ${facts.latestScan.openFindings.length} open findings`
              : "none"}
          </List.Item>
          <List.Item>Sign-offs: {facts.signOffs.map((s) => `${s.name} (${s.role})`).join(", ") || "none"}</List.Item>
        </List>
      </section>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Snapshot SHA-256 (the attestation's subject digest):
        </Text>
        <Code>{data.snapshotSha256}</Code>
      </Group>
    </Stack>
  );
}
