import { Group, Stack, Text } from "@mantine/core";
import { useParams } from "react-router";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCatalogue, useFrameworkMappings, useThreatLibrary } from "./catalogue-queries";
import { QueryState } from "./query-state";
import { ThreatMappings } from "./threat-mappings";
import { UnknownItem } from "./unknown-item";

/** One threat: what it is, its default rating and every framework entry it maps to. */
export default function ThreatDetailPage() {
  const { threatId = "" } = useParams();
  const library = useThreatLibrary();
  const frameworks = useFrameworkMappings();
  const catalogue = useCatalogue();

  return (
    <QueryState query={library}>
      {({ threats }) => {
        const threat = threats.find((t) => t.id === threatId);
        if (!threat) return <UnknownItem kind="threat" id={threatId} section="threats" />;
        return (
          <Stack>
            <PageHeader title={threat.title} />
            <CatalogueNav current="threats" />
            <Text>{threat.description}</Text>
            <Group gap="lg">
              <Text size="sm">Default likelihood: {threat.defaultLikelihood} of 5</Text>
              <Text size="sm">Default impact: {threat.defaultImpact} of 5</Text>
            </Group>
            <Text size="sm" c="dimmed">
              Default ratings are a starting point; the risk owner rates the risk for each system.
            </Text>
            <QueryState query={frameworks}>
              {(data) => (
                <ThreatMappings threat={threat} frameworks={data} controls={catalogue.data?.annexA.controls ?? []} />
              )}
            </QueryState>
          </Stack>
        );
      }}
    </QueryState>
  );
}
