import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { StatusBadge } from "../ui/status-badge";
import { LicenceFindingsTable } from "./licence-findings-table";
import { LicencePolicyForm } from "./licence-policy-form";

/** Licences of the inventory's models and datasets, judged against the organisation's policy, and the policy itself. */
export default function LicencesPage() {
  const { orgId, can } = useOrg();
  const findings = useQuery({
    queryKey: ["licences", orgId, "findings"],
    queryFn: ({ signal }) => callApi(routes.listLicenceFindings, { params: { orgId }, query: {}, signal }),
  });
  const policy = useQuery({
    queryKey: ["licences", orgId, "policy"],
    queryFn: ({ signal }) => callApi(routes.getLicencePolicy, { params: { orgId }, signal }),
  });
  const counts = findings.data?.counts;
  return (
    <Stack>
      <PageHeader title="Licences" />
      <Text c="dimmed">
        The licence of each model and dataset as an SPDX expression, and what your policy says of it: model licences
        with user-count limits, use restrictions or non-commercial terms are found here before they reach a product
        (controls A.7.5 and A.10.3).
      </Text>
      <Title order={2}>Models and datasets</Title>
      {findings.error && <ErrorAlert error={findings.error} />}
      {findings.isPending ? (
        <PageLoader />
      ) : (findings.data?.items.length ?? 0) === 0 ? (
        <Text>
          No models or datasets yet.{" "}
          <Anchor component={Link} to={`/o/${orgId}/inventory/assets/new`}>
            Record a model or dataset
          </Anchor>{" "}
          with its licence, and it is judged here.
        </Text>
      ) : (
        <>
          {counts && (
            <Group gap="xs" aria-label="Verdicts">
              <StatusBadge of="licenceVerdict" value="forbidden" /> <Text size="sm">{counts.forbidden}</Text>
              <StatusBadge of="licenceVerdict" value="review" /> <Text size="sm">{counts.review}</Text>
              <StatusBadge of="licenceVerdict" value="allowed" /> <Text size="sm">{counts.allowed}</Text>
            </Group>
          )}
          <LicenceFindingsTable orgId={orgId} items={findings.data?.items ?? []} />
        </>
      )}
      {policy.error && <ErrorAlert error={policy.error} />}
      {policy.data ? (
        <LicencePolicyForm
          key={`${orgId}-${policy.data.version}`}
          orgId={orgId}
          record={policy.data}
          canEdit={can("governance.write")}
        />
      ) : (
        !policy.error && <PageLoader />
      )}
    </Stack>
  );
}
