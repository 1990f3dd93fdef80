import { Anchor, Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { agentPath } from "./agent-paths";
import { PolicyVersionsCard } from "./policy-versions-card";

/** One policy with its versions; the organisation default's home, and a link back for an agent's. */
export default function PolicyPage() {
  const { orgId, can } = useOrg();
  const { policyId = "" } = useParams();
  const policy = useQuery({
    queryKey: ["agent-policies", orgId, policyId],
    queryFn: ({ signal }) => callApi(routes.getAgentPolicy, { params: { orgId, policyId }, signal }),
  });
  if (policy.error) return <ErrorAlert error={policy.error} />;
  if (!policy.data) return <PageLoader />;
  const data = policy.data;
  return (
    <Stack>
      <PageHeader title={data.systemId ? `Action policy of ${data.systemName}` : "Organisation default policy"} />
      <Text c="dimmed">
        {data.systemId ? (
          <Anchor component={Link} to={agentPath(orgId, data.systemId)}>
            Back to the agent
          </Anchor>
        ) : (
          "Decides every agent without an approved policy of its own. It may name any tool asset of the organisation."
        )}
      </Text>
      <PolicyVersionsCard orgId={orgId} policy={data} toolNames={[]} canWrite={can("governance.write")} />
    </Stack>
  );
}
