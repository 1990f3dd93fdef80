import { Anchor, Card, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { enumLabels, routes, type WebhookWithSecret } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AddWebhookForm } from "./add-webhook-form";
import { DeliveryStatusBadge } from "./delivery-status";
import { SignatureRecipe } from "./signature-recipe";
import { WebhookSecretModal } from "./webhook-secret-modal";

/** The organisation's outgoing webhooks: add one, see each one's latest delivery, open its log. */
export default function WebhooksPage() {
  const { orgId } = useOrg();
  const [archived, setArchived] = useState(false);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const list = useQuery({
    queryKey: ["webhooks", orgId, { archived }],
    queryFn: () => callApi(routes.listWebhooks, { params: { orgId }, query: { archived } }),
  });
  return (
    <Stack gap="lg">
      <PageHeader title="Webhooks" />
      <Text size="sm">
        When a reminder falls due, OpenAIMS posts it, signed, to each enabled webhook that takes the “Reminder due”
        event — for a chat channel, a ticketing system or your own automation.
      </Text>
      <AddWebhookForm onCreated={setCreated} />
      <Card withBorder component="section" aria-labelledby="webhook-list">
        <Title order={2} size="h3" id="webhook-list" mb="sm">
          {archived ? "Archived webhooks" : "Webhooks"}
        </Title>
        <Switch
          label="Show archived webhooks"
          checked={archived}
          onChange={(event) => setArchived(event.currentTarget.checked)}
          mb="sm"
        />
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Text size="sm">
            {archived
              ? "No archived webhooks."
              : "No webhooks yet. Add one above, then send a test to check that your receiver verifies it."}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">URL</Table.Th>
                  <Table.Th scope="col">Events</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Latest delivery</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((webhook) => (
                  <Table.Tr key={webhook.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/o/${orgId}/webhooks/${webhook.id}`}
                        style={{ wordBreak: "break-all" }}
                      >
                        {webhook.url}
                      </Anchor>
                      {webhook.description && (
                        <Text size="xs" c="dimmed">
                          {webhook.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{webhook.events.map((event) => enumLabels.webhookEvent[event]).join(", ")}</Table.Td>
                    <Table.Td>{webhook.archivedAt ? "Archived" : webhook.enabled ? "On" : "Off"}</Table.Td>
                    <Table.Td>
                      {webhook.lastDelivery ? (
                        <>
                          <DeliveryStatusBadge status={webhook.lastDelivery.status} />{" "}
                          <Text span size="xs" c="dimmed">
                            {formatDateTime(webhook.lastDelivery.createdAt)}
                          </Text>
                        </>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          None yet
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="verify-heading">
        <SignatureRecipe />
      </Card>
      <WebhookSecretModal shown={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
