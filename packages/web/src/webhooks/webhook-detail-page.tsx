import { Alert, Anchor, Button, Card, Group, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { archiveWebhookRequestSchema, enumLabels, routes, type WebhookWithSecret } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { DeliveryStatusBadge } from "./delivery-status";
import { WebhookSecretModal } from "./webhook-secret-modal";

/** One webhook: turn it on or off, send a test, rotate its secret, archive it, and its delivery log. */
export default function WebhookDetailPage() {
  const { orgId } = useOrg();
  const webhookId = useParams().webhookId as string;
  const queryClient = useQueryClient();
  const [rotated, setRotated] = useState<WebhookWithSecret | null>(null);
  const [archiving, setArchiving] = useState(false);
  const webhook = useQuery({
    queryKey: ["webhooks", orgId, webhookId],
    queryFn: () => callApi(routes.getWebhook, { params: { orgId, webhookId } }),
  });
  const deliveries = usePagedQuery(["webhooks", orgId, webhookId, "deliveries"], (cursor) =>
    callApi(routes.listWebhookDeliveries, { params: { orgId, webhookId }, query: { cursor, limit: PAGE_SIZE } }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["webhooks", orgId] });
  const version = webhook.data?.version ?? 1;
  const toggle = useMutation({
    mutationFn: (enabled: boolean) =>
      callApi(routes.updateWebhook, { params: { orgId, webhookId }, body: { enabled, version } }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });
  const test = useMutation({
    mutationFn: () => callApi(routes.testWebhook, { params: { orgId, webhookId } }),
    onSettled: refresh,
    meta: { inlineError: true },
  });
  const rotate = useMutation({
    mutationFn: () => callApi(routes.rotateWebhookSecret, { params: { orgId, webhookId }, body: { version } }),
    onSuccess: async (result) => {
      setRotated(result);
      await refresh();
    },
    meta: { inlineError: true },
  });
  const archive = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.archiveWebhook, { params: { orgId, webhookId }, body: { reason, version } }),
    onSuccess: refresh,
    meta: { inlineError: true },
  });

  if (webhook.isPending) return <PageLoader />;
  if (webhook.isError) return <ErrorAlert error={webhook.error} />;
  const hook = webhook.data;
  const live = hook.archivedAt === null;
  const actionError = toggle.error ?? rotate.error;
  return (
    <Stack gap="lg">
      <PageHeader title="Webhook" />
      <Anchor component={Link} to={`/o/${orgId}/webhooks`} size="sm">
        ← All webhooks
      </Anchor>
      <Card withBorder component="section" aria-labelledby="webhook-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="webhook-heading" style={{ wordBreak: "break-all" }}>
            {hook.url}
          </Title>
          {hook.description && <Text size="sm">{hook.description}</Text>}
          <Text size="sm">
            Events: {hook.events.map((event) => enumLabels.webhookEvent[event]).join(", ")} · added{" "}
            {formatDateTime(hook.createdAt)}
          </Text>
          {!live && (
            <Alert color="gray" title="Archived">
              Archived {formatDateTime(hook.archivedAt)}; it receives nothing more. Its delivery log stays below.
            </Alert>
          )}
          {live && (
            <>
              <Switch
                label="On: reminders are posted to this webhook"
                checked={hook.enabled}
                disabled={toggle.isPending}
                onChange={(event) => toggle.mutate(event.currentTarget.checked)}
              />
              <Group>
                <Button onClick={() => test.mutate()} loading={test.isPending} disabled={!hook.enabled}>
                  Send test
                </Button>
                <Button variant="default" onClick={() => rotate.mutate()} loading={rotate.isPending}>
                  Rotate secret
                </Button>
                <Button color="red" variant="light" onClick={() => setArchiving(true)}>
                  Archive
                </Button>
              </Group>
              {!hook.enabled && (
                <Text size="sm" c="dimmed">
                  Turn the webhook on to send a test.
                </Text>
              )}
            </>
          )}
          {actionError && <ErrorAlert error={actionError} />}
          {test.error && <ErrorAlert error={test.error} title="Could not send the test" />}
          {test.data && (
            <Alert
              color={test.data.status === "delivered" ? "green" : "red"}
              title={test.data.status === "delivered" ? "Test delivered" : "Test not delivered"}
              role="status"
            >
              {test.data.status === "delivered"
                ? `The receiver answered ${test.data.responseStatus}. Check that it accepted the signature.`
                : (test.data.lastError ?? "The receiver did not accept it.")}
            </Alert>
          )}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="deliveries-heading">
        <Title order={2} size="h3" id="deliveries-heading" mb="sm">
          Delivery log
        </Title>
        {deliveries.error && <ErrorAlert error={deliveries.error} />}
        {deliveries.isPending ? (
          <PageLoader />
        ) : deliveries.items.length === 0 ? (
          <Text size="sm">Nothing sent yet. “Send test” sends a signed test event now.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Event</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Answer</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.items.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
                    <Table.Td>{enumLabels.webhookEvent[delivery.event]}</Table.Td>
                    <Table.Td>
                      <DeliveryStatusBadge status={delivery.status} />
                    </Table.Td>
                    <Table.Td>{delivery.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {delivery.responseStatus !== null ? `HTTP ${delivery.responseStatus}` : ""}
                        {delivery.lastError ? ` ${delivery.lastError}` : ""}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Delivery id {delivery.id}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={deliveries.hasMore} loading={deliveries.isLoadingMore} onLoadMore={deliveries.loadMore} />
      </Card>
      <WebhookSecretModal shown={rotated} onClose={() => setRotated(null)} />
      <ReasonModal
        opened={archiving}
        title="Archive this webhook"
        description="It receives nothing more; deliveries waiting for a retry are given up. The log stays."
        label="Reason"
        confirmLabel="Archive"
        confirmColor="red"
        errorTitle="Could not archive the webhook"
        field="reason"
        schema={archiveWebhookRequestSchema.shape.reason}
        mutation={archive}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
