import { Alert, Anchor, Divider, Stack, Text } from "@mantine/core";
import { Link, Navigate, useSearchParams } from "react-router";
import { PageHeader } from "../ui/page-header";
import { PublicLayout } from "../ui/public-layout";
import { useAuthConfig } from "./auth-config";
import { PasswordSignInForm } from "./password-sign-in-form";
import { safeNext } from "./safe-next";
import { useSessionQuery } from "./session";
import { SsoSignIn } from "./sso-sign-in";

export default function SignInPage() {
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get("next"));
  const ssoError = searchParams.get("error");
  const session = useSessionQuery();
  const config = useAuthConfig();

  if (session.data) return <Navigate to={next} replace />;

  return (
    <PublicLayout>
      <PageHeader title="Sign in" />
      <Stack>
        {ssoError && (
          <Alert color="red" title="Single sign-on failed" role="alert">
            {ssoError}
          </Alert>
        )}
        {config.data?.setupRequired && (
          <Alert color="blue" title="This server is not set up yet">
            <Text size="sm">
              Create the first organisation and its owner account with the setup code printed in the server console.{" "}
              <Anchor component={Link} to="/setup">
                Set up OpenAIMS
              </Anchor>
            </Text>
          </Alert>
        )}
        <PasswordSignInForm next={next} />
        {config.data?.ssoAvailable && (
          <>
            <Divider label="or" labelPosition="center" />
            <SsoSignIn />
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
