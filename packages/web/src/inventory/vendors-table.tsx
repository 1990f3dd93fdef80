import { Anchor, Table, Text } from "@mantine/core";
import type { Vendor } from "@openaims/contracts";
import { Link } from "react-router";
import { useOrg } from "../shell/current-org";
import { formatDate } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { yesNoUnknownLabels } from "./inventory-labels";

/** The vendor AI register: what each vendor does with AI and the organisation's data. */
export function VendorsTable({ vendors }: { vendors: Vendor[] }) {
  const { orgId } = useOrg();
  if (vendors.length === 0) return <Text>No vendors match these filters.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">AI on by default</Table.Th>
            <Table.Th scope="col">Trains on our data</Table.Th>
            <Table.Th scope="col">Connectors</Table.Th>
            <Table.Th scope="col">Next review</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vendors.map((vendor) => (
            <Table.Tr key={vendor.id}>
              <Table.Td>
                <Anchor component={Link} to={`/o/${orgId}/inventory/vendors/${vendor.id}`} fw={500}>
                  {vendor.name}
                </Anchor>
                {vendor.status === "archived" && <StatusBadge ml="xs" of="recordStatus" value="archived" />}
              </Table.Td>
              <Table.Td>{yesNoUnknownLabels[vendor.aiFeaturesOnByDefault]}</Table.Td>
              <Table.Td>
                <StatusBadge
                  of="customerDataTraining"
                  value={vendor.trainsOnCustomerData}
                  tone={
                    vendor.trainsOnCustomerData === "no"
                      ? "success"
                      : vendor.trainsOnCustomerData === "unknown"
                        ? "neutral"
                        : "attention"
                  }
                />
              </Table.Td>
              <Table.Td>{vendor.connectors.length}</Table.Td>
              <Table.Td>{vendor.nextReviewDate ? formatDate(vendor.nextReviewDate) : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
