import { Anchor, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { type CertificationPathView, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { CertificationStepItem } from "./certification-step-item";

/** The query every view of the certification path shares, so one fetch serves the card and the page. */
export function useCertificationPath(orgId: string) {
  return useQuery({
    queryKey: ["certification-path", orgId],
    queryFn: () => callApi(routes.getCertificationPath, { params: { orgId } }),
    // Derived from every module's records, which other pages change without knowing of this query.
    staleTime: 0,
  });
}

/**
 * The steps to certification in the order to build them, each with its status in words, why it
 * matters and one link to the page where it is done. Compact shows every step on one line and
 * opens only the next one; full opens every step.
 */
export function CertificationPathCard({ compact = false }: { compact?: boolean }) {
  const { orgId } = useOrg();
  const query = useCertificationPath(orgId);
  return (
    <Card withBorder component="section" aria-labelledby="certification-path-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id="certification-path-title">
            Path to certification
          </Title>
          {compact && (
            <Anchor component={Link} to={`/o/${orgId}/readiness/path`} size="sm">
              Every step in full
            </Anchor>
          )}
        </Group>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError ? (
          <ErrorAlert error={query.error} title="The path could not be loaded" />
        ) : (
          <PathSteps orgId={orgId} path={query.data} compact={compact} />
        )}
      </Stack>
    </Card>
  );
}

function PathSteps({ orgId, path, compact }: { orgId: string; path: CertificationPathView; compact: boolean }) {
  const percent = path.total === 0 ? 0 : Math.floor((path.done * 100) / path.total);
  const summary = `${path.done} of ${path.total} steps done`;
  return (
    <>
      <Group gap="sm" wrap="nowrap">
        <Progress value={percent} color="green" flex={1} aria-label={summary} />
        <Text size="sm">{summary}</Text>
      </Group>
      {!compact && (
        <Text size="sm" c="dimmed">
          Build the management system in this order: each step leans on the ones before it. Steps marked "Coming module"
          are not in OpenAIMS yet.
        </Text>
      )}
      <Stack component="ol" gap={compact ? 4 : "sm"} m={0} p={0} style={{ listStyle: "none" }}>
        {path.steps.map((step, index) => (
          <CertificationStepItem
            key={step.id}
            orgId={orgId}
            step={step}
            number={index + 1}
            isNext={step.id === path.nextStepId}
            open={!compact || step.id === path.nextStepId}
          />
        ))}
      </Stack>
    </>
  );
}
