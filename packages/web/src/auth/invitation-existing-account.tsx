import { Alert, Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router";
import { ErrorAlert } from "../ui/error-alert";
import type { InvitationPreview } from "./invitation-preview";
import { useSessionQuery } from "./session";
import { useAcceptInvitation } from "./use-accept-invitation";
import { useSignOut } from "./use-sign-out";

interface Props {
  token: string;
  invitation: InvitationPreview;
}

/** The invited e-mail already has an account: accepting needs that account's session. */
export function InvitationExistingAccount({ token, invitation }: Props) {
  const session = useSessionQuery();
  const accept = useAcceptInvitation(invitation.orgId);
  const signOut = useSignOut();
  const next = `/invite?token=${encodeURIComponent(token)}`;
  const signedInAs = session.data?.me.user.email ?? null;

  if (!signedInAs) {
    return (
      <Alert color="blue" title={`Sign in as ${invitation.email} first`}>
        <Stack gap="sm">
          <Text size="sm">This e-mail already has an OpenAIMS account. Sign in, then accept the invitation.</Text>
          <Button component={Link} to={`/signin?next=${encodeURIComponent(next)}`}>
            Sign in
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (signedInAs.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <Alert color="red" title="Signed in as someone else">
        <Stack gap="sm">
          <Text size="sm">
            You are signed in as {signedInAs}, but this invitation is for {invitation.email}. Sign out, then sign in as{" "}
            {invitation.email}.
          </Text>
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Sign out
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack>
      {accept.error && <ErrorAlert error={accept.error} title="Could not accept the invitation" />}
      <Button onClick={() => accept.mutate({ token })} loading={accept.isPending}>
        Accept invitation
      </Button>
    </Stack>
  );
}
