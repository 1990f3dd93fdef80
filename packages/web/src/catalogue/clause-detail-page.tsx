import { Anchor, Badge, Group, List, Stack, Text, Title } from "@mantine/core";
import { labelOrValue } from "@openaims/contracts";
import { Link, useParams } from "react-router";
import { PageHeader } from "../ui/page-header";
import { CatalogueNav } from "./catalogue-nav";
import { useCataloguePath } from "./catalogue-paths";
import { useCatalogue } from "./catalogue-queries";
import { GuidanceView } from "./guidance-view";
import { ItemCrosswalks } from "./item-crosswalks";
import { QueryState } from "./query-state";
import { UnknownItem } from "./unknown-item";

/** One clause with its guidance, its sub-clauses and what it maps to in other frameworks. */
export default function ClauseDetailPage() {
  const { clauseId = "" } = useParams();
  const query = useCatalogue();
  const pathTo = useCataloguePath();

  return (
    <QueryState query={query}>
      {(catalogue) => {
        const clause = catalogue.clauses.find((c) => c.id === clauseId);
        if (!clause) return <UnknownItem kind="clause" id={clauseId} section="clauses" />;
        const parent = catalogue.clauses.find((c) => c.id === clause.parentId);
        const children = catalogue.clauses.filter((c) => c.parentId === clause.id);
        const documentKind = clause.guidance.expectedDocumentKind;
        return (
          <Stack>
            <PageHeader title={`${clause.id} ${clause.title}`} />
            <CatalogueNav current="clauses" />
            <Group gap="xs">
              {parent && (
                <Text size="sm">
                  Part of{" "}
                  <Anchor component={Link} to={pathTo("clauses", parent.id)}>
                    {parent.id} {parent.title}
                  </Anchor>
                </Text>
              )}
              {documentKind && (
                <Badge variant="light">Expects a document: {labelOrValue("documentKind", documentKind)}</Badge>
              )}
            </Group>
            <GuidanceView guidance={clause.guidance} level={2} />
            {children.length > 0 && (
              <section aria-labelledby="sub-clauses">
                <Title order={2} size="h4" id="sub-clauses" mb="xs">
                  Sub-clauses
                </Title>
                <List>
                  {children.map((child) => (
                    <List.Item key={child.id}>
                      <Anchor component={Link} to={pathTo("clauses", child.id)}>
                        {child.id} {child.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </section>
            )}
            <ItemCrosswalks iso42001={clause.id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
