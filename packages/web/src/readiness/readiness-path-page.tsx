import { Anchor, Stack } from "@mantine/core";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { PageHeader } from "../ui/page-header";
import { CertificationPathCard } from "./certification-path-card";

/** The whole path to certification, every step open with why it matters and what done means. */
export function ReadinessPathPage() {
  const { orgId } = useOrg();
  return (
    <Stack>
      <PageHeader title="Path to certification">
        <Anchor component={Link} to={`/o/${orgId}/readiness`}>
          Back to readiness
        </Anchor>
      </PageHeader>
      <CertificationPathCard />
    </Stack>
  );
}
