import { List, Title } from "@mantine/core";
import type { FrameworkMappings } from "./catalogue-types";

/** Where the crosswalks come from, and the printing errors kept from the NIST source. */
export function CrosswalkNotes({ data }: { data: FrameworkMappings }) {
  return (
    <>
      <section aria-labelledby="crosswalk-anomalies">
        <Title order={2} size="h3" id="crosswalk-anomalies" mb="xs">
          Printing errors in the NIST crosswalk
        </Title>
        <List size="sm">
          {data.crosswalks.anomalies.map((anomaly) => (
            <List.Item key={anomaly.nistAiRmf}>
              {anomaly.nistAiRmf}: printed “{anomaly.printed}”, read as {anomaly.resolvedAs}
              {anomaly.titleForId ? ` (${anomaly.titleForId})` : ""}. {anomaly.note}
            </List.Item>
          ))}
        </List>
      </section>
      <section aria-labelledby="crosswalk-sources">
        <Title order={2} size="h3" id="crosswalk-sources" mb="xs">
          Sources
        </Title>
        <List size="sm">
          {data.crosswalks.sources.map((source) => (
            <List.Item key={source.key}>{source.description}</List.Item>
          ))}
          <List.Item>The ISO/IEC 27001 links are this product's own, each with its reason.</List.Item>
        </List>
      </section>
    </>
  );
}
