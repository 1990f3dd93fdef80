import { Alert, Stack, Text } from "@mantine/core";
import { roleDescriptions, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { roleLabel } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { PublicLayout } from "../ui/public-layout";
import { InvitationExistingAccount } from "./invitation-existing-account";
import { InvitationNewAccountForm } from "./invitation-new-account-form";

export default function AcceptInvitationPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: () => callApi(routes.previewInvitation, { query: { token } }),
    enabled: token.length > 0,
    retry: false,
  });

  return (
    <PublicLayout width={520}>
      <PageHeader title="Accept invitation" />
      {!token && (
        <Alert color="red" title="This invitation link is incomplete">
          Open the full link from your invitation, or ask for a new one.
        </Alert>
      )}
      {token && preview.isPending && <PageLoader />}
      {preview.error && <ErrorAlert error={preview.error} title="This invitation cannot be used" />}
      {preview.data && (
        <Stack>
          <Text>
            You are invited to join <strong>{preview.data.orgName}</strong> as{" "}
            <strong>{roleLabel(preview.data.role)}</strong>: {roleDescriptions[preview.data.role]}
          </Text>
          <Text>
            Invitation for: <strong>{preview.data.email}</strong>
          </Text>
          {preview.data.accountExists ? (
            <InvitationExistingAccount token={token} invitation={preview.data} />
          ) : (
            <InvitationNewAccountForm token={token} invitation={preview.data} />
          )}
        </Stack>
      )}
    </PublicLayout>
  );
}
