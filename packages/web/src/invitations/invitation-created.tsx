import { Alert, Stack, Text } from "@mantine/core";
import { CopyField } from "../ui/copy-field";
import type { CreatedInvitation } from "./invitation-types";

interface Props {
  created: CreatedInvitation;
  onDismiss: () => void;
}

/** The accept link, shown to the inviter this once, and whether it was also e-mailed. */
export function InvitationCreated({ created, onDismiss }: Props) {
  const { invitation, acceptUrl, emailSent } = created;
  return (
    <Alert
      color="blue"
      title={`Invitation created for ${invitation.email}`}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
      role="status"
    >
      <Stack gap="sm">
        <Text size="sm">
          {emailSent
            ? `An e-mail with this link was sent to ${invitation.email}.`
            : "No e-mail was sent (this server has no mail settings). Send the link to the person yourself."}{" "}
          The link is shown only now.
        </Text>
        <CopyField label="Accept link" value={acceptUrl} />
      </Stack>
    </Alert>
  );
}
