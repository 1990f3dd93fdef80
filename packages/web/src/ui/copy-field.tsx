import { Button, CopyButton, Group, TextInput } from "@mantine/core";

interface CopyFieldProps {
  label: string;
  value: string;
  description?: string;
}

/** A read-only value with a button that copies it to the clipboard. */
export function CopyField({ label, value, description }: CopyFieldProps) {
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label}
        description={description}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        style={{ flex: 1 }}
        styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant={copied ? "filled" : "default"} onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
