import { Anchor, Button, Card, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { labelOf, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { AddLinkForm } from "./add-link-form";
import type { Evidence, EvidenceLink } from "./evidence-types";

/** What the evidence supports; writers can add and remove links while it is active. */
export function EvidenceLinksCard({ evidence }: { evidence: Evidence }) {
  const { orgId, can } = useOrg();
  const queryClient = useQueryClient();
  const editable = can("governance.write") && evidence.status === "active";
  const unlink = useMutation({
    mutationFn: (link: EvidenceLink) =>
      callApi(routes.unlinkEvidence, { params: { orgId, evidenceId: evidence.id, linkId: link.id }, body: {} }),
    onSuccess: async (_result, link) => {
      notifications.show({ color: "blue", message: `The link to ${link.ref} was removed.` });
      await queryClient.invalidateQueries({ queryKey: ["evidence", orgId] });
    },
  });

  return (
    <Card withBorder component="section" aria-labelledby="evidence-links-heading">
      <Title order={2} size="h3" id="evidence-links-heading" mb="sm">
        Linked to
      </Title>
      <Stack>
        {evidence.links.length === 0 ? (
          <Text>
            Not linked to anything yet. Link it to the controls, clauses, risks, systems or assets it supports.
          </Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Reference</Table.Th>
                <Table.Th scope="col">Title</Table.Th>
                {editable && (
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {evidence.links.map((link) => (
                <Table.Tr key={link.id}>
                  <Table.Td>{labelOf("evidenceTargetType", link.targetType)}</Table.Td>
                  <Table.Td>
                    {link.targetType === "asset" && link.targetId ? (
                      <Anchor component={Link} to={`/o/${orgId}/inventory/assets/${link.targetId}`}>
                        {link.ref}
                      </Anchor>
                    ) : (
                      link.ref
                    )}
                  </Table.Td>
                  <Table.Td>{link.title}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Remove link to ${link.ref}`}
                        loading={unlink.isPending && unlink.variables?.id === link.id}
                        onClick={() => unlink.mutate(link)}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && <AddLinkForm evidenceId={evidence.id} />}
      </Stack>
    </Card>
  );
}
