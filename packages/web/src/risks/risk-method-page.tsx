import { Button, Stack } from "@mantine/core";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { MethodEditor } from "./method-editor";
import { useRiskMethod } from "./use-risk-data";

/** The organisation's risk method; saving re-rates the register. */
export default function RiskMethodPage() {
  const { orgId, can } = useOrg();
  const method = useRiskMethod(orgId);
  return (
    <Stack gap="lg">
      <PageHeader title="Risk method">
        <Button component={Link} to={`/o/${orgId}/risks`} variant="default">
          Back to register
        </Button>
      </PageHeader>
      {method.error && <ErrorAlert error={method.error} />}
      {method.data ? (
        <MethodEditor key={method.data.version} orgId={orgId} saved={method.data} readOnly={!can("governance.write")} />
      ) : (
        !method.error && <PageLoader />
      )}
    </Stack>
  );
}
