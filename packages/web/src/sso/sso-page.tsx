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
import { SsoDomains, ssoDomainsKey } from "./sso-domains";
import { SsoForm } from "./sso-form";

export default function SsoPage() {
  const { orgId, can } = useOrg();
  const config = useQuery({
    queryKey: ["sso", orgId],
    queryFn: () => callApi(routes.getSsoConfig, { params: { orgId } }),
    enabled: can("sso.read"),
  });
  const domains = useQuery({
    queryKey: ssoDomainsKey(orgId),
    queryFn: () => callApi(routes.listSsoDomains, { params: { orgId } }),
    enabled: can("sso.read"),
  });

  if (!can("sso.read")) return <NoAccess title="Single sign-on" />;

  const verifiedDomains = (domains.data?.items ?? []).filter((d) => d.status === "verified").map((d) => d.domain);

  return (
    <Stack maw={820}>
      <PageHeader title="Single sign-on" />
      <Text>
        Let members sign in through your OpenID Connect identity provider. People whose e-mail domain is listed and
        verified below are sent to it from the sign-in page; new people join with the default role. Someone who already
        has an account links it once, with that account's password.
      </Text>
      <CopyField
        label="Redirect URI"
        description="Register this as the redirect (callback) URI of the client at your identity provider."
        value={`${window.location.origin}${routes.finishSso.path}`}
      />
      {domains.error && <ErrorAlert error={domains.error} />}
      {domains.isPending ? (
        <PageLoader />
      ) : (
        domains.isSuccess && <SsoDomains claims={domains.data.items} manage={can("sso.manage")} />
      )}
      {config.error && <ErrorAlert error={config.error} />}
      {config.isPending ? (
        <PageLoader />
      ) : (
        config.isSuccess && (
          <SsoForm
            key={config.data?.version ?? "new"}
            config={config.data}
            verifiedDomains={verifiedDomains}
            readOnly={!can("sso.manage")}
          />
        )
      )}
    </Stack>
  );
}
