import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { roleDescriptions, routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { API_REFERENCE_URL, settingsItems } from "../shell/nav-items";
import { ErrorAlert } from "../ui/error-alert";
import { formatDate, roleLabel } from "../ui/format";
import { PageHeader } from "../ui/page-header";

export default function OverviewPage() {
  const org = useOrg();
  const details = useQuery({
    queryKey: ["org", org.orgId],
    queryFn: () => callApi(routes.getOrg, { params: { orgId: org.orgId } }),
  });
  const links = settingsItems.filter((item) => org.can(item.permission));

  return (
    <Stack gap="lg">
      <PageHeader title="Overview" />
      {details.error && <ErrorAlert error={details.error} />}
      <Card withBorder>
        <Title order={2} size="h3">
          {details.data?.name ?? org.orgName}
        </Title>
        <Text mt="xs">
          Your role: <strong>{roleLabel(org.role)}</strong>. {roleDescriptions[org.role]}
        </Text>
        {details.data && <Text size="sm">Created {formatDate(details.data.createdAt)}</Text>}
      </Card>
      <section aria-labelledby="quick-links">
        <Title order={2} size="h3" id="quick-links" mb="sm">
          Quick links
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {links.map((item) => (
            <Card key={item.path} withBorder>
              <Anchor component={Link} to={`/o/${org.orgId}/${item.path}`} fw={600}>
                {item.label}
              </Anchor>
              <Text size="sm">{item.description}</Text>
            </Card>
          ))}
          <Card withBorder>
            <Anchor href={API_REFERENCE_URL} fw={600}>
              API reference
            </Anchor>
            <Text size="sm">The REST API, generated from the same contracts this app uses.</Text>
          </Card>
        </SimpleGrid>
      </section>
      <Text>
        Inventory, risks, the Statement of Applicability, policies, incidents and audits are coming to this organisation
        soon.
      </Text>
    </Stack>
  );
}
