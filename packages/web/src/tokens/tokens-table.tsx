import { Button, Code, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { formatDate, formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import type { ApiToken } from "./token-types";

interface Props {
  tokens: ApiToken[];
  /** Show the owner column when the list holds other people's tokens. */
  showOwner: boolean;
}

/** API tokens; active ones can be revoked. Secrets are never listed, only their prefix. */
export function TokensTable({ tokens, showOwner }: Props) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (token: ApiToken) =>
      callApi(routes.revokeToken, { params: { orgId, tokenId: token.id }, body: { version: token.version } }),
    onSuccess: async (revoked) => {
      notifications.show({ color: "blue", message: `Token “${revoked.name}” was revoked.` });
      await queryClient.invalidateQueries({ queryKey: ["tokens", orgId] });
    },
  });

  if (tokens.length === 0) return <Text>No tokens with this status.</Text>;

  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Scope</Table.Th>
            <Table.Th scope="col">Prefix</Table.Th>
            {showOwner && <Table.Th scope="col">Owner</Table.Th>}
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>{token.scope === "write" ? "Read and write" : "Read only"}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              {showOwner && <Table.Td>{token.owner.name}</Table.Td>}
              <Table.Td>
                <StatusBadge of="tokenStatus" value={token.status} />
              </Table.Td>
              <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : "Never"}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</Table.Td>
              <Table.Td>
                {token.status === "active" && (
                  <Button
                    variant="default"
                    size="xs"
                    loading={revoke.isPending && revoke.variables?.id === token.id}
                    onClick={() => revoke.mutate(token)}
                    aria-label={`Revoke token ${token.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
