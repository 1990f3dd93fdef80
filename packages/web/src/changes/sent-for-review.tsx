import { Anchor, Card, List, Stack, Text, Title } from "@mantine/core";
import type { ChangeDetail } from "@openaims/contracts";
import { Link } from "react-router";
import { StatusBadge } from "../ui/status-badge";

/** What a material change sent back for review when it was recorded, and what still waits. */
export function SentForReview({ orgId, change }: { orgId: string; change: ChangeDetail }) {
  const { risks, impactAssessment } = change.sentForReview;
  return (
    <Card withBorder component="section" aria-labelledby="sent-for-review-heading">
      <Title order={2} size="h3" id="sent-for-review-heading" mb="sm">
        Sent back for review
      </Title>
      {!change.material ? (
        <Text>This change is not material, so it sent nothing back for review.</Text>
      ) : (
        <Stack>
          {impactAssessment ? (
            <Text>
              Impact assessment{" "}
              <Anchor component={Link} to={`/o/${orgId}/impact-assessments/${impactAssessment.id}`}>
                {impactAssessment.ref}
              </Anchor>{" "}
              {impactAssessment.stillStale ? (
                <StatusBadge tone="danger">Stale</StatusBadge>
              ) : (
                <StatusBadge tone="success">Assessed again</StatusBadge>
              )}
            </Text>
          ) : (
            <Text>
              The system had no approved impact assessment.{" "}
              <Anchor component={Link} to={`/o/${orgId}/impact-assessments/systems/${change.system.id}`}>
                Assess {change.system.name}
              </Anchor>
              .
            </Text>
          )}
          {risks.length === 0 ? (
            <Text>The system had no live risks to review.</Text>
          ) : (
            <List spacing="xs" aria-label="Risks sent back for review">
              {risks.map((risk) => (
                <List.Item key={risk.id}>
                  <Anchor component={Link} to={`/o/${orgId}/risks/${risk.id}`}>
                    {risk.ref} {risk.title}
                  </Anchor>{" "}
                  {risk.awaitingReview ? (
                    <StatusBadge tone="review">Needs review</StatusBadge>
                  ) : (
                    <StatusBadge tone="success">Reviewed</StatusBadge>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Card>
  );
}
