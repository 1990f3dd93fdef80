import { Stack, Text } from "@mantine/core";
import { Navigate } from "react-router";
import { useMe } from "../auth/me-context";
import { PageHeader } from "../ui/page-header";
import { CreateOrgForm } from "./create-org-form";

/** For someone who belongs to no organisation: wait for an invitation, or start a new one. */
export default function NoOrganisationPage() {
  const { memberships } = useMe();
  const first = memberships[0];
  if (first) return <Navigate to={`/o/${first.orgId}`} replace />;
  return (
    <Stack maw={560}>
      <PageHeader title="Welcome" />
      <Text>
        You are not a member of any organisation yet. Ask an owner or admin to invite you, or create a new organisation
        and become its owner.
      </Text>
      <CreateOrgForm />
    </Stack>
  );
}
