import { Button, Card, Group, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AcceptanceSection } from "./acceptance-section";
import { ArchiveRiskModal } from "./archive-risk-modal";
import { LinkedControlsSlot } from "./linked-controls-slot";
import { ReviewSection } from "./review-section";
import { RiskMatrixView } from "./risk-matrix-view";
import { RiskSummary } from "./risk-summary";
import { TreatmentActionsSection } from "./treatment-actions-section";
import { useRisk, useRiskMethod } from "./use-risk-data";

/** One risk: its facts, its place on the matrix, treatment, acceptance and treating controls. */
export default function RiskDetailPage() {
  const { orgId, role, can } = useOrg();
  const { riskId = "" } = useParams();
  const risk = useRisk(orgId, riskId);
  const method = useRiskMethod(orgId);
  const [archiving, setArchiving] = useState(false);
  const canWrite = can("governance.write");
  const error = risk.error ?? method.error;
  if (error) return <ErrorAlert error={error} title="Could not load the risk" />;
  if (!risk.data || !method.data) return <PageLoader />;
  const data = risk.data;
  const editable = canWrite && !data.archivedAt;

  return (
    <Stack gap="lg">
      <PageHeader title={`${data.ref} ${data.title}`}>
        <Group>
          <Button component={Link} to={`/o/${orgId}/risks`} variant="default">
            Back to register
          </Button>
          {editable && (
            <>
              <Button component={Link} to="edit">
                Edit risk
              </Button>
              <Button variant="default" color="red" onClick={() => setArchiving(true)}>
                Archive
              </Button>
            </>
          )}
        </Group>
      </PageHeader>
      <RiskSummary risk={data} orgId={orgId} />
      <ReviewSection orgId={orgId} risk={data} canWrite={canWrite} />
      <Card withBorder component="section" aria-labelledby="risk-matrix-heading">
        <Title order={2} size="h3" id="risk-matrix-heading" mb="sm">
          Rating on the risk matrix
        </Title>
        <RiskMatrixView
          method={method.data}
          markers={[
            { likelihood: data.inherentLikelihood, impact: data.inherentImpact, label: "Inherent" },
            { likelihood: data.residualLikelihood, impact: data.residualImpact, label: "Residual" },
          ]}
        />
      </Card>
      <TreatmentActionsSection orgId={orgId} risk={data} canWrite={canWrite} />
      <LinkedControlsSlot orgId={orgId} riskId={data.id} />
      <AcceptanceSection orgId={orgId} risk={data} method={method.data} role={role} canWrite={canWrite} />
      <ArchiveRiskModal orgId={orgId} risk={data} opened={archiving} onClose={() => setArchiving(false)} />
    </Stack>
  );
}
