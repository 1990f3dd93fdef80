import { Button, Card, Group, SimpleGrid, Text, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useQuery } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useCreateFromTemplate } from "./use-create-from-template";

/** Starts a document from one of the built-in templates and opens its draft. */
export function TemplateChoices() {
  const { orgId } = useOrg();
  const templates = useQuery({
    queryKey: ["document-templates", orgId],
    queryFn: () => callApi(routes.listDocumentTemplates, { params: { orgId } }),
  });
  const create = useCreateFromTemplate();

  return (
    <section aria-labelledby="templates-heading">
      <Title order={2} size="h3" id="templates-heading" mb="sm">
        Start from a template
      </Title>
      {templates.error && <ErrorAlert error={templates.error} />}
      {create.error && <ErrorAlert error={create.error} title="Could not create the document" mb="sm" />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {templates.data?.items.map((template) => (
          <Card key={template.id} withBorder>
            <Text fw={600}>{template.title}</Text>
            <Text size="sm" c="dimmed" mb="sm">
              {template.description}
            </Text>
            <Group>
              <Button
                variant="light"
                loading={create.isPending && create.variables === template.id}
                onClick={() => create.mutate(template.id)}
              >
                New from {template.id === "ai_policy" ? "AI policy" : "procedure"} template
              </Button>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
