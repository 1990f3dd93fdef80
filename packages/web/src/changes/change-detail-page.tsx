import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { labelOf, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ChangeStatusBadge, MaterialBadge } from "./change-badges";
import { DecisionSection } from "./decision-section";
import { SentForReview } from "./sent-for-review";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

/** One change: what changed, what it sent back for review, and its approval. */
export default function ChangeDetailPage() {
  const { orgId, can } = useOrg();
  const { changeId = "" } = useParams();
  const change = useQuery({
    queryKey: ["changes", orgId, "detail", changeId],
    queryFn: ({ signal }) => callApi(routes.getChange, { params: { orgId, changeId }, signal }),
  });
  if (change.error) return <ErrorAlert error={change.error} title="Could not load the change" />;
  if (!change.data) return <PageLoader />;
  const data = change.data;
  const materialWords = data.material
    ? data.suggestedMaterial
      ? "Material, as its kind suggests"
      : "Material, marked so by the requester"
    : data.suggestedMaterial
      ? "Not material, though its kind suggests it is"
      : "Not material";

  return (
    <Stack gap="lg">
      <PageHeader title={`${data.ref} ${data.summary}`}>
        <Button component={Link} to={`/o/${orgId}/changes`} variant="default">
          Back to changes
        </Button>
      </PageHeader>
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Fact label="AI system">
              <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${data.system.id}`}>
                {data.system.name}
              </Anchor>
            </Fact>
            <Fact label="Kind">{labelOf("changeKind", data.kind)}</Fact>
            <Fact label="Status">
              <Group gap="xs">
                <ChangeStatusBadge status={data.status} />
                <MaterialBadge material={data.material} />
              </Group>
            </Fact>
            <Fact label="Material">{materialWords}</Fact>
            <Fact label="Expected risk impact">
              {labelOf("changeRiskImpact", data.riskImpact)}
              {data.riskImpactNote && ` — ${data.riskImpactNote}`}
            </Fact>
            <Fact label="Requested by">{data.requestedBy?.name ?? "A former member"}</Fact>
            <Fact label="Recorded">{formatDateTime(data.createdAt)}</Fact>
          </SimpleGrid>
          {data.description && <Text style={{ whiteSpace: "pre-wrap" }}>{data.description}</Text>}
        </Stack>
      </Card>
      <SentForReview orgId={orgId} change={data} />
      <DecisionSection orgId={orgId} change={data} canWrite={can("governance.write")} />
    </Stack>
  );
}
