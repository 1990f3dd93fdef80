import { Anchor, Button, Stack, Table, Text } from "@mantine/core";
import { reasonSchema, routes, type SystemAssetLink } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate } from "../ui/format";
import { PageLoader } from "../ui/page-loader";
import { ReasonModal } from "../ui/reason-modal";
import { assetKindLabels } from "./inventory-labels";
import { LinkAssetForm } from "./link-asset-form";

/** The models, datasets, prompts, agents, tools and vendor services a system uses. */
export function SystemAssetsPanel({ systemId, writable }: { systemId: string; writable: boolean }) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [unlinking, setUnlinking] = useState<SystemAssetLink | null>(null);
  const links = useQuery({
    queryKey: ["system-assets", orgId, systemId],
    queryFn: () => callApi(routes.listSystemAssets, { params: { orgId, systemId } }),
  });
  const unlink = useMutation({
    mutationFn: (reason: string) =>
      callApi(routes.unlinkSystemAsset, {
        params: { orgId, systemId, assetId: unlinking?.asset.id ?? "" },
        body: { reason },
      }),
    onSuccess: async () => {
      setUnlinking(null);
      await queryClient.invalidateQueries({ queryKey: ["system-assets", orgId, systemId] });
      await queryClient.invalidateQueries({ queryKey: ["assets", orgId] });
    },
    meta: { inlineError: true },
  });

  if (links.isPending) return <PageLoader />;
  if (links.error) return <ErrorAlert error={links.error} />;
  const items = links.data.items;
  return (
    <Stack>
      {items.length === 0 ? (
        <Text>No assets are linked to this system yet.</Text>
      ) : (
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Asset</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">How it is used</Table.Th>
              <Table.Th scope="col">Linked</Table.Th>
              {writable && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((link) => (
              <Table.Tr key={link.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${orgId}/inventory/assets/${link.asset.id}`}>
                    {link.asset.name}
                  </Anchor>
                  {link.asset.assetVersion && <Text size="xs">Version {link.asset.assetVersion}</Text>}
                </Table.Td>
                <Table.Td>{assetKindLabels[link.asset.kind]}</Table.Td>
                <Table.Td>{link.note || "—"}</Table.Td>
                <Table.Td>{formatDate(link.linkedAt)}</Table.Td>
                {writable && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setUnlinking(link)}
                      aria-label={`Unlink ${link.asset.name}`}
                    >
                      Unlink
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {writable && <LinkAssetForm systemId={systemId} linkedAssetIds={items.map((link) => link.asset.id)} />}
      <ReasonModal
        opened={unlinking !== null}
        title={`Unlink ${unlinking?.asset.name ?? "asset"}`}
        description="The link ends but stays in the system's history with your reason."
        label="Reason"
        hint="Recorded in the audit trail."
        confirmLabel="Unlink asset"
        confirmColor="red"
        errorTitle="Not done"
        schema={reasonSchema}
        mutation={unlink}
        onClose={() => setUnlinking(null)}
      />
    </Stack>
  );
}
