import { Box, Container, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Frame for pages used before signing in: a product header and one centred card. */
export function PublicLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <>
      <Box component="header" px="lg" py="md">
        <Text fw={700} size="lg">
          OpenAIMS
        </Text>
      </Box>
      <Box component="main">
        <Container size={width} py="xl">
          <Paper withBorder shadow="sm" p="xl" radius="md">
            {children}
          </Paper>
        </Container>
      </Box>
    </>
  );
}
