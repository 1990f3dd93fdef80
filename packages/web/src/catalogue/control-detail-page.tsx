import { Anchor, Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCataloguePath } from "./catalogue-paths";
import { useCatalogue, useThreatLibrary } from "./catalogue-queries";
import { GuidanceView } from "./guidance-view";
import { ItemCrosswalks } from "./item-crosswalks";
import { QueryState } from "./query-state";
import { UnknownItem } from "./unknown-item";

/** One Annex A control with its guidance, the threats it treats and its crosswalks. */
export default function ControlDetailPage() {
  const { controlId = "" } = useParams();
  const query = useCatalogue();
  const threats = useThreatLibrary();
  const pathTo = useCataloguePath();

  return (
    <QueryState query={query}>
      {({ annexA }) => {
        const control = annexA.controls.find((c) => c.id === controlId);
        if (!control) return <UnknownItem kind="control" id={controlId} section="controls" />;
        const area = annexA.areas.find((a) => a.id === control.areaId);
        const objective = annexA.objectives.find((o) => o.id === control.objectiveId);
        const treats = (threats.data?.threats ?? []).filter((t) => t.suggestedControls.includes(control.id));
        return (
          <Stack>
            <PageHeader title={`${control.id} ${control.title}`} />
            <CatalogueNav current="controls" />
            <Group gap="xs">
              <Text size="sm">
                Area:{" "}
                <Anchor component={Link} to={`${pathTo("controls")}?q=${encodeURIComponent(control.areaId)}`}>
                  {control.areaId} {area?.title}
                </Anchor>
              </Text>
              <Badge variant="light">Renew evidence every {control.guidance.suggestedFreshnessDays} days</Badge>
            </Group>
            {objective && <Text c="dimmed">Objective: {objective.summary}</Text>}
            {control.titleVariants.length > 0 && (
              <Text size="sm">Also published as: {control.titleVariants.join("; ")}</Text>
            )}
            <GuidanceView guidance={control.guidance} level={2} />
            <section aria-labelledby="control-threats">
              <Title order={2} size="h4" id="control-threats" mb="xs">
                Threats this control helps treat
              </Title>
              {treats.length === 0 ? (
                <Text>No threat of the library points to this control.</Text>
              ) : (
                <List>
                  {treats.map((threat) => (
                    <List.Item key={threat.id}>
                      <Anchor component={Link} to={pathTo("threats", threat.id)}>
                        {threat.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </section>
            <ItemCrosswalks iso42001={control.id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
