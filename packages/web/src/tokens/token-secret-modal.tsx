import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { CopyField } from "../ui/copy-field";
import type { CreatedToken } from "./token-types";

interface Props {
  created: CreatedToken | null;
  onClose: () => void;
}

/** Shows a new token's secret the only time it is available. */
export function TokenSecretModal({ created, onClose }: Props) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title="Copy your new token"
      closeOnClickOutside={false}
      size="lg"
    >
      {created && (
        <Stack>
          <Alert color="red" title="This secret won't be shown again">
            Copy it now and store it somewhere safe. If you lose it, revoke the token and create a new one.
          </Alert>
          <Text size="sm">
            Token “{created.token.name}” ({created.token.scope === "write" ? "read and write" : "read only"}). Send it
            as <code>Authorization: Bearer &lt;secret&gt;</code>.
          </Text>
          <CopyField label="Token secret" value={created.secret} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
