import { Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { CopyField } from "../ui/copy-field";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { SsoForm } from "./sso-form";

export default function SsoPage() {
  const { orgId, can } = useOrg();
  const config = useQuery({
    queryKey: ["sso", orgId],
    queryFn: () => callApi(routes.getSsoConfig, { params: { orgId } }),
    enabled: can("sso.read"),
  });

  if (!can("sso.read")) return <NoAccess title="Single sign-on" />;

  return (
    <Stack maw={720}>
      <PageHeader title="Single sign-on" />
      <Text>
        Let members sign in through your OpenID Connect identity provider. People whose e-mail domain is listed below
        are sent to it from the sign-in page; new people join with the default role.
      </Text>
      <CopyField
        label="Redirect URI"
        description="Register this as the redirect (callback) URI of the client at your identity provider."
        value={`${window.location.origin}${routes.finishSso.path}`}
      />
      {config.error && <ErrorAlert error={config.error} />}
      {config.isPending ? (
        <PageLoader />
      ) : (
        config.isSuccess && (
          <SsoForm key={config.data?.version ?? "new"} config={config.data} readOnly={!can("sso.manage")} />
        )
      )}
    </Stack>
  );
}
