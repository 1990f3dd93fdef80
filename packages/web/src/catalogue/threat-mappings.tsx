import { List, SimpleGrid, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import type { CatalogueControl, CatalogueThreat, FrameworkMappings } from "./catalogue-types";
import { IsoRefLink } from "./iso-ref-link";

interface ThreatMappingsProps {
  threat: CatalogueThreat;
  frameworks: FrameworkMappings;
  controls: CatalogueControl[];
}

/** The framework entries a threat maps to, each shown with its title. */
export function ThreatMappings({ threat, frameworks, controls }: ThreatMappingsProps) {
  const titled = (list: { id: string; title: string }[], ids: string[]) =>
    ids.map((id) => ({ key: id, node: `${id} ${list.find((item) => item.id === id)?.title ?? ""}`.trim() }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <MappingList
        heading="Suggested Annex A controls"
        items={threat.suggestedControls.map((id) => ({
          key: id,
          node: <IsoRefLink id={id} label={`${id} ${controls.find((c) => c.id === id)?.title ?? ""}`.trim()} />,
        }))}
      />
      <MappingList
        heading="ISO/IEC 42001 Annex C risk sources"
        items={titled(frameworks.annexC.riskSources, threat.annexCRiskSources)}
      />
      <MappingList
        heading={`OWASP Top 10 for LLM Applications ${frameworks.owaspLlm.edition}`}
        items={titled(frameworks.owaspLlm.items, threat.owaspLlm)}
      />
      <MappingList
        heading={`OWASP Top 10 for Agentic Applications ${frameworks.owaspAgentic.edition}`}
        items={titled(frameworks.owaspAgentic.items, threat.owaspAgentic)}
      />
      <MappingList
        heading={`MITRE ATLAS tactics (v${frameworks.mitreAtlas.version})`}
        items={titled(frameworks.mitreAtlas.tactics, threat.atlasTactics)}
      />
    </SimpleGrid>
  );
}

function MappingList({ heading, items }: { heading: string; items: { key: string; node: ReactNode }[] }) {
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {heading}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">None: this threat has no entry here.</Text>
      ) : (
        <List size="sm">
          {items.map((item) => (
            <List.Item key={item.key}>{item.node}</List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
