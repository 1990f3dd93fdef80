import { Anchor, Card, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useMe } from "../auth/me-context";
import { roleLabel } from "../ui/format";

/** The organisations you belong to and your role in each. */
export function MyOrganisations() {
  const { memberships } = useMe();
  return (
    <Card withBorder component="section" aria-labelledby="orgs-heading">
      <Title order={2} size="h3" id="orgs-heading" mb="sm">
        Your organisations
      </Title>
      {memberships.length === 0 ? (
        <Text>
          You are not a member of any organisation.{" "}
          <Anchor component={Link} to="/welcome">
            Create one
          </Anchor>
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Organisation</Table.Th>
              <Table.Th scope="col">Your role</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {memberships.map((m) => (
              <Table.Tr key={m.orgId}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${m.orgId}`}>
                    {m.orgName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{roleLabel(m.role)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
