import { Alert, Button, Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { PublicLayout } from "../ui/public-layout";

/**
 * Where the domain verification e-mail leads. Opening the link only shows the request (mail scanners
 * open links too); the domain is verified when the person presses Confirm.
 */
export default function VerifyDomainPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const preview = useQuery({
    queryKey: ["sso-domain-verification", token],
    queryFn: () => callApi(routes.previewSsoDomainVerification, { query: { token } }),
    enabled: token.length > 0,
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => callApi(routes.confirmSsoDomainVerification, { body: { token } }),
    meta: { inlineError: true },
  });

  return (
    <PublicLayout width={520}>
      <PageHeader title="Verify an e-mail domain" />
      {!token && (
        <Alert color="red" title="This verification link is incomplete">
          Open the full link from the verification e-mail, or ask your administrator to send a new one.
        </Alert>
      )}
      {token && preview.isPending && <PageLoader />}
      {preview.error && <ErrorAlert error={preview.error} title="This link cannot be used" />}
      {confirm.data ? (
        <Alert color="green" title="Domain verified">
          {confirm.data.domain} is now verified for {confirm.data.orgName}: its single sign-on may admit{" "}
          {confirm.data.domain} addresses.
          {confirm.data.tookOverFrom > 0 && " The claim of the organisation that held it before was revoked."} You can
          close this page.
        </Alert>
      ) : (
        preview.data && (
          <Stack>
            <Text>
              <strong>{preview.data.orgName}</strong> asks to confirm that it controls the e-mail domain{" "}
              <strong>{preview.data.domain}</strong>. This link was sent to {preview.data.email} and works until{" "}
              {formatDateTime(preview.data.expiresAt)}.
            </Text>
            <Text>
              Once confirmed, people with {preview.data.domain} addresses may sign in to {preview.data.orgName} through
              its identity provider. Confirm only if that organisation is yours.
            </Text>
            {preview.data.takesOver && (
              <Alert color="yellow" title="Another organisation holds this domain">
                Confirming takes {preview.data.domain} over: the other organisation's single sign-on stops admitting it.
              </Alert>
            )}
            {confirm.error && <ErrorAlert error={confirm.error} title="Could not verify the domain" />}
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
              Confirm
            </Button>
          </Stack>
        )
      )}
    </PublicLayout>
  );
}
