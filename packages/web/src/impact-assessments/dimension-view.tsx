import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { labelOf, type RiskRating } from "@openaims/contracts";
import {
  dimensionTitle,
  levelColors,
  likelihoodLabels,
  residualLabels,
  scopeLabels,
  severityLabels,
} from "./impact-labels";
import type { Dimension } from "./impact-types";

function Field({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {value}
      </Text>
    </div>
  );
}

/** One dimension as written, with its level before mitigation. */
export function DimensionView({ dimension, level }: { dimension: Dimension; level: RiskRating | null }) {
  const title = dimensionTitle(dimension);
  return (
    <Card withBorder component="article" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title}
          </Title>
          {!dimension.relevant && <Badge color="gray">Not relevant</Badge>}
          {level && (
            <Badge color={levelColors[level]} variant="filled" autoContrast>
              Level: {labelOf("riskRating", level)}
            </Badge>
          )}
        </Group>
        {dimension.relevant ? (
          <>
            <Text size="sm">
              Affects: {dimension.scopes.map((s) => scopeLabels[s]).join(", ") || "—"} · Severity:{" "}
              {dimension.severity ? severityLabels[dimension.severity] : "—"} · Likelihood:{" "}
              {dimension.likelihood ? likelihoodLabels[dimension.likelihood] : "—"} · Residual concern:{" "}
              {dimension.residualLevel ? residualLabels[dimension.residualLevel] : "—"}
            </Text>
            <Field label="Affected groups" value={dimension.affectedGroups} />
            <Field label="Effect" value={dimension.effect} />
            <Field label="Mitigations" value={dimension.mitigations} />
            <Field label="Residual concern" value={dimension.residualConcern} />
          </>
        ) : (
          <Field label="Why it is not relevant" value={dimension.effect} />
        )}
      </Stack>
    </Card>
  );
}
