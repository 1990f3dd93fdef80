import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { roleDescriptions, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { CertificationPathCard } from "../readiness/certification-path-card";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { roleLabel } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ExpiringEvidence } from "./expiring-evidence";
import { ReadinessSummary } from "./readiness-summary";
import { RiskHeatMap } from "./risk-heat-map";
import { SecurityTestsSummary } from "./security-tests-summary";
import { SystemsSummary } from "./systems-summary";
import { WaitingOnMe } from "./waiting-on-me";

/**
 * The first screen of an organisation: what to do next, what waits on the signed-in person, and the
 * management system at a glance — readiness and its trend, risks, systems, evidence, security tests.
 */
export default function HomePage() {
  const org = useOrg();
  const home = useQuery({
    queryKey: ["home", org.orgId],
    queryFn: () => callApi(routes.getHome, { params: { orgId: org.orgId } }),
  });
  return (
    <Stack gap="lg">
      <PageHeader title="Home" />
      <Text size="sm">
        {org.orgName} · your role: <strong>{roleLabel(org.role)}</strong>. {roleDescriptions[org.role]}
      </Text>
      <Stack component="section" gap="sm" aria-labelledby="home-next">
        <Title order={2} size="h3" id="home-next">
          What to do next
        </Title>
        <CertificationPathCard compact />
      </Stack>
      {home.isPending ? (
        <PageLoader />
      ) : home.isError ? (
        <ErrorAlert error={home.error} />
      ) : (
        <>
          <WaitingOnMe waiting={home.data.waitingOnMe} />
          <ReadinessSummary readiness={home.data.readiness} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <RiskHeatMap risks={home.data.risks} />
            <SystemsSummary systems={home.data.systems} />
            <ExpiringEvidence evidence={home.data.evidence} />
            <SecurityTestsSummary scans={home.data.securityTests} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
