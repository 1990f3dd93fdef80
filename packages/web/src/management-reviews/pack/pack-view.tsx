import { Card, Stack, Text, Title } from "@mantine/core";
import { type ReviewInputKey, type ReviewPack, reviewInputs } from "@openaims/contracts";
import type { ReactNode } from "react";
import { IssuesBody, PartiesBody, PreviousActionsBody } from "./context-sections";
import { CompetenceBody, ImprovementsBody, ObjectivesBody, RisksBody } from "./improvement-sections";
import { AuditsBody, IncidentsBody, MonitoringBody, NonconformitiesBody } from "./performance-sections";

/** The content of one input's section of a pack. */
export function PackSectionBody({ pack, inputKey }: { pack: ReviewPack; inputKey: ReviewInputKey }) {
  switch (inputKey) {
    case "previousActions":
      return <PreviousActionsBody section={pack.previousActions} />;
    case "externalInternalIssues":
      return <IssuesBody section={pack.externalInternalIssues} />;
    case "interestedParties":
      return <PartiesBody section={pack.interestedParties} />;
    case "nonconformities":
      return <NonconformitiesBody section={pack.nonconformities} />;
    case "monitoring":
      return <MonitoringBody section={pack.monitoring} />;
    case "audits":
      return <AuditsBody section={pack.audits} />;
    case "incidents":
      return <IncidentsBody section={pack.incidents} />;
    case "objectives":
      return <ObjectivesBody section={pack.objectives} />;
    case "competence":
      return <CompetenceBody section={pack.competence} />;
    case "risks":
      return <RisksBody section={pack.risks} />;
    case "improvements":
      return <ImprovementsBody section={pack.improvements} />;
  }
}

/**
 * Every input of the pack in order, each a section headed by its clause and title; `extra` adds
 * something under an input's content (the review's decision field). Without a pack, each section
 * says so and still shows `extra`.
 */
export function PackView({
  pack,
  extra,
  missing = "Compile the pack to see this input.",
}: {
  pack: ReviewPack | null;
  extra?: (key: ReviewInputKey) => ReactNode;
  missing?: string;
}) {
  return (
    <Stack gap="md">
      {reviewInputs.map((input) => (
        <Card key={input.key} withBorder component="section" aria-labelledby={`input-${input.key}`}>
          <Title order={2} size="h4" id={`input-${input.key}`} mb="xs">
            <Text span c="dimmed" inherit>
              {input.clause} —{" "}
            </Text>
            {input.title}
          </Title>
          <Stack gap="sm">
            {pack ? <PackSectionBody pack={pack} inputKey={input.key} /> : <Text size="sm">{missing}</Text>}
            {extra?.(input.key)}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
