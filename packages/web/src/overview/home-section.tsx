import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";

/** One card of the dashboard under its own heading. */
export function HomeSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** What a section shows when it has nothing yet: what to do next, and a link to where it is done. */
export function EmptyState({ text, action, path }: { text: string; action: string; path: string }) {
  const { orgId } = useOrg();
  return (
    <Text size="sm">
      {text}{" "}
      <Anchor component={Link} to={`/o/${orgId}/${path}`}>
        {action}
      </Anchor>
    </Text>
  );
}
