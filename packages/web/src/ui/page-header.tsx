import { Group, Title } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import type { ReactNode } from "react";

/** The page's single h1, which also sets the browser tab title. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(`${title} · OpenAIMS`);
  return (
    <Group justify="space-between" align="center" mb="xs" wrap="wrap">
      <Title order={1}>{title}</Title>
      {children}
    </Group>
  );
}
