import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { WebhookWithSecret } from "@openaims/contracts";
import { CopyField } from "../ui/copy-field";

/** Shows a webhook's signing secret the only time it is available: after adding it or rotating it. */
export function WebhookSecretModal({ shown, onClose }: { shown: WebhookWithSecret | null; onClose: () => void }) {
  return (
    <Modal
      opened={shown !== null}
      onClose={onClose}
      title="Copy the signing secret"
      closeOnClickOutside={false}
      size="lg"
    >
      {shown && (
        <Stack>
          <Alert color="red" title="This secret won't be shown again">
            Store it with the receiver now. If you lose it, rotate the secret and update the receiver.
          </Alert>
          <Text size="sm">
            Calls to <code>{shown.webhook.url}</code> carry an <code>OpenAIMS-Signature</code> header made with this
            secret; the receiver checks it as described under “How to verify the signature”.
          </Text>
          <CopyField label="Signing secret" value={shown.secret} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
