import { Anchor, Badge, Box, Button, Group, List, Paper, Stack, Text, ThemeIcon, VisuallyHidden } from "@mantine/core";
import type { CertificationStep, CertificationStepStatus } from "@openaims/contracts";
import { Link } from "react-router";

const statusText: Record<CertificationStepStatus, string> = {
  done: "Done",
  in_progress: "In progress",
  not_started: "Not started",
  coming: "Coming module",
};

const statusColour: Record<CertificationStepStatus, string> = {
  done: "green",
  in_progress: "blue",
  not_started: "gray",
  coming: "violet",
};

interface StepItemProps {
  orgId: string;
  step: CertificationStep;
  number: number;
  /** The first step not yet done: marked, and opened even in the compact card. */
  isNext: boolean;
  /** Shows why the step matters, what done means and the button; else one line with a link. */
  open: boolean;
}

/** One step of the certification path as a list item; the status is a word, the colour only repeats it. */
export function CertificationStepItem({ orgId, step, number, isNext, open }: StepItemProps) {
  const to = `/o/${orgId}/${step.place.path}`;
  const linkText = `Open ${step.place.label}`;
  const linkName = `${linkText}, for step ${number}: ${step.title}`;
  const clauses = `${step.clauseIds.length === 1 ? "Clause" : "Clauses"} ${step.clauseIds.join(", ")}`;
  const header = (
    <Group gap="xs" wrap="wrap">
      <ThemeIcon size="sm" radius="xl" variant="light" color={statusColour[step.status]} aria-hidden>
        {step.status === "done" ? "✓" : number}
      </ThemeIcon>
      <Text fw={600} size="sm">
        <VisuallyHidden component="span">Step {number}: </VisuallyHidden>
        {step.title}
      </Text>
      <Badge color={statusColour[step.status]} variant="light" size="sm">
        {statusText[step.status]}
      </Badge>
      {isNext && (
        <Badge color="blue.9" variant="filled" size="sm">
          Next
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {clauses}
      </Text>
    </Group>
  );
  if (!open) {
    return (
      <Box component="li" data-step={step.id}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          {header}
          <Anchor component={Link} to={to} size="sm" aria-label={linkName} style={{ whiteSpace: "nowrap" }}>
            {linkText}
          </Anchor>
        </Group>
      </Box>
    );
  }
  return (
    <Paper component="li" withBorder={isNext} p={isNext ? "sm" : 0} data-step={step.id}>
      <Stack gap={6}>
        {header}
        <Text size="sm">{step.whyItMatters}</Text>
        <Text size="sm">
          <strong>Done when: </strong>
          {step.doneMeans}
        </Text>
        {step.criteria.length > 0 && (
          <List size="sm" spacing={2} listStyleType="none">
            {step.criteria.map((criterion) => (
              <List.Item key={criterion.label}>
                <Text span size="sm" c={criterion.met ? "green.8" : "dimmed"}>
                  <span aria-hidden>{criterion.met ? "✓ " : "○ "}</span>
                  {criterion.met ? "Met: " : "Not yet: "}
                </Text>
                {criterion.label}
              </List.Item>
            ))}
          </List>
        )}
        <Group>
          <Button component={Link} to={to} size="xs" variant={isNext ? "filled" : "light"} aria-label={linkName}>
            {linkText}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
