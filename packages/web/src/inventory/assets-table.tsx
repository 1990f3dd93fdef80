import { Anchor, Table, Text } from "@mantine/core";
import type { AiAsset } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { StatusBadge } from "../ui/status-badge";
import { assetKindLabels } from "./inventory-labels";

/** The asset register: each name opens the asset. */
export function AssetsTable({ assets }: { assets: AiAsset[] }) {
  const { orgId } = useOrg();
  if (assets.length === 0) return <Text>No assets match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Vendor</Table.Th>
            <Table.Th scope="col">Used by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assets.map((asset) => (
            <Table.Tr key={asset.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/inventory/assets/${asset.id}`} fw={500}>
                  {asset.name}
                </Anchor>
                {asset.status === "archived" && <StatusBadge ml="xs" of="recordStatus" value="archived" />}
              </Table.Td>
              <Table.Td>{assetKindLabels[asset.kind]}</Table.Td>
              <Table.Td>{asset.assetVersion || "—"}</Table.Td>
              <Table.Td>{asset.vendor?.name ?? "—"}</Table.Td>
              <Table.Td>{asset.systems.map((system) => system.name).join(", ") || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
