import { Anchor, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { RatingBadge } from "./rating-badge";
import { treatmentLabels } from "./risk-labels";
import type { RiskDetail } from "./risk-types";
import { useRiskCatalogue } from "./use-risk-data";

/** A catalogue entry's title by its id, or the id while the catalogue loads or if it is unknown. */
function titleOf(options: { value: string; label: string }[], id: string): string {
  return options.find((option) => option.value === id)?.label ?? id;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** The facts of a risk at a glance. */
export function RiskSummary({ risk, orgId }: { risk: RiskDetail; orgId: string }) {
  const catalogue = useRiskCatalogue();
  return (
    <Stack>
      {risk.description && <Text style={{ whiteSpace: "pre-wrap" }}>{risk.description}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Fact label="AI system">
          {risk.system ? (
            <Anchor component={Link} to={`/o/${orgId}/inventory/systems/${risk.system.id}`}>
              {risk.system.name}
            </Anchor>
          ) : (
            "Organisation-wide"
          )}
        </Fact>
        <Fact label="Owner">{risk.owner?.name ?? "No owner yet"}</Fact>
        <Fact label="Status">
          <Group gap="xs">
            {risk.archivedAt ? (
              <StatusBadge of="recordStatus" value="archived" />
            ) : (
              <StatusBadge of="riskStatus" value={risk.status} />
            )}
            {risk.acceptanceExpired && <StatusBadge tone="danger">Acceptance expired</StatusBadge>}
            {risk.needsTreatment && <StatusBadge tone="attention">Needs treatment</StatusBadge>}
            {risk.needsReview && <StatusBadge tone="review">Needs review</StatusBadge>}
          </Group>
        </Fact>
        <Fact label="Review date">{formatDate(risk.reviewDate)}</Fact>
        <Fact label="Inherent rating">
          <RatingBadge rating={risk.inherentRating} />
        </Fact>
        <Fact label="Treatment option">
          {risk.treatmentOption ? treatmentLabels[risk.treatmentOption] : "Not decided"}
        </Fact>
        <Fact label="Residual rating">
          {risk.residualRating ? <RatingBadge rating={risk.residualRating} /> : "Not assessed"}
        </Fact>
        <Fact label="Threat">
          {risk.threatId ? (
            <Anchor component={Link} to={`/o/${orgId}/catalogue/threats/${risk.threatId}`}>
              {titleOf(catalogue.threats, risk.threatId)}
            </Anchor>
          ) : (
            "None chosen"
          )}
        </Fact>
        <Fact label="Annex C risk sources">
          {risk.riskSources.length > 0
            ? risk.riskSources.map((id) => titleOf(catalogue.riskSources, id)).join("; ")
            : "None chosen"}
        </Fact>
      </SimpleGrid>
      {risk.archiveReason && <Text>Archived because: {risk.archiveReason}</Text>}
    </Stack>
  );
}
