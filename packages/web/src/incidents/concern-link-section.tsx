import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { CopyField } from "../ui/copy-field";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";

/**
 * The organisation's anonymous concern link: on, replaced or off. The link is shown once, right after
 * it is made, because only a hash of it is kept.
 */
export function ConcernLinkSection({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const key = ["incidents", orgId, "concern-link"];
  const status = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => callApi(routes.getConcernLink, { params: { orgId }, signal }),
  });
  const enable = useMutation({
    mutationFn: () => callApi(routes.enableConcernLink, { params: { orgId } }),
    onSuccess: async () => {
      disable.reset();
      await queryClient.invalidateQueries({ queryKey: key });
    },
    meta: { inlineError: true },
  });
  const disable = useMutation({
    mutationFn: () => callApi(routes.disableConcernLink, { params: { orgId } }),
    onSuccess: async () => {
      enable.reset();
      await queryClient.invalidateQueries({ queryKey: key });
    },
    meta: { inlineError: true },
  });
  const enabled = status.data?.enabled ?? false;
  const fresh = enable.data ? `${window.location.origin}${enable.data.path}` : null;

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          Anonymous link
        </Title>
        <Text size="sm">
          Anyone with this link can report a concern without signing in. Nothing about them is kept: no name, no
          address. Share it where staff and others who work with your AI systems can find it.
        </Text>
        {status.error && <ErrorAlert error={status.error} />}
        {(enable.error || disable.error) && (
          <ErrorAlert error={enable.error ?? disable.error} title="Link not changed" />
        )}
        {fresh && (
          <Alert color="green" title="Copy the link now">
            <Stack gap="xs">
              <Text size="sm">It is shown only this once. Any earlier link has stopped working.</Text>
              <CopyField label="Anonymous concern link" value={fresh} />
            </Stack>
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {enabled
            ? `On since ${formatDateTime(status.data?.createdAt ?? null)}.`
            : "Off. Turn it on to take anonymous reports."}
        </Text>
        <Group>
          <Button variant={enabled ? "default" : "filled"} loading={enable.isPending} onClick={() => enable.mutate()}>
            {enabled ? "Replace the link" : "Turn on"}
          </Button>
          {enabled && (
            <Button variant="default" color="red" loading={disable.isPending} onClick={() => disable.mutate()}>
              Turn off
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
