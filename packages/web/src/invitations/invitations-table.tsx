import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { formatDateTime, roleLabel } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import type { Invitation } from "./invitation-types";

/** Invitations with their status; pending ones can be revoked with invitations.manage. */
export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  const { orgId, can } = useOrg();
  const manage = can("invitations.manage");
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) =>
      callApi(routes.revokeInvitation, {
        params: { orgId, invitationId: invitation.id },
        body: { version: invitation.version },
      }),
    onSuccess: async (revoked) => {
      notifications.show({ color: "blue", message: `The invitation for ${revoked.email} was revoked.` });
      await queryClient.invalidateQueries({ queryKey: ["invitations", orgId] });
    },
  });

  if (invitations.length === 0) return <Text>No invitations with this status.</Text>;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">E-mail</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Invited by</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            {manage && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{roleLabel(invitation.role)}</Table.Td>
              <Table.Td>
                <StatusBadge of="invitationStatus" value={invitation.status} />
              </Table.Td>
              <Table.Td>{invitation.invitedBy.name}</Table.Td>
              <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
              {manage && (
                <Table.Td>
                  {invitation.status === "pending" && (
                    <Button
                      variant="default"
                      size="xs"
                      loading={revoke.isPending && revoke.variables?.id === invitation.id}
                      onClick={() => revoke.mutate(invitation)}
                      aria-label={`Revoke invitation for ${invitation.email}`}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
