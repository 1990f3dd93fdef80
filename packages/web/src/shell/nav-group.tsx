import { Box, Text } from "@mantine/core";
import { type ReactNode, useId } from "react";

/** A labelled group of navigation entries. */
export function NavGroup({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box role="group" aria-labelledby={id} mt="md">
      <Text id={id} size="xs" fw={700} tt="uppercase" px="sm" mb={4}>
        {label}
      </Text>
      {children}
    </Box>
  );
}
